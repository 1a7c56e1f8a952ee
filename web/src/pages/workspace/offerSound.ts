const MUTED_KEY = "bailanys.workspace.muted";

let context: AudioContext | null = null;

/**
 * Creates (or wakes) the audio context. Browsers only let a page start sound after the user has touched it, so
 * this runs on the operator's first click or key press; the beep for an offer that arrives later then plays.
 */
export function primeAudio(): void {
  if (typeof window.AudioContext !== "function") {
    return;
  }
  context ??= new window.AudioContext();
  if (context.state === "suspended") {
    context.resume().catch(() => {
      // Still locked: the next gesture tries again; the offer card is on screen either way.
    });
  }
}

/** A short two-tone chime built with the Web Audio API (no sound files to ship or cache). */
export function beep(): void {
  primeAudio();
  if (context === null || context.state !== "running") {
    return;
  }
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 1320],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.17);
  }
}

/** The operator's choice to silence offers, kept on this device. */
export function readMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTED_KEY) === "1";
  } catch {
    return false;
  }
}

export function writeMuted(muted: boolean): void {
  try {
    window.localStorage.setItem(MUTED_KEY, muted ? "1" : "0");
  } catch {
    // Storage blocked (private mode): the choice lasts for this page only.
  }
}
