import { encodeG711, type G711 } from "./g711.ts";

const RATE = 8000;
/** Each note lasts 0.4 s: a 16-note phrase is 6.4 s, a whole number of 20 ms frames. */
const NOTE_SAMPLES = 3200;
/** A slow arpeggio over C – Am – F – G (Hz, fourth octave), four notes a chord. */
const PHRASE = [261.63, 329.63, 392.0, 329.63, 220.0, 261.63, 329.63, 261.63, 174.61, 220.0, 261.63, 220.0, 196.0, 246.94, 293.66, 246.94];
const LOUDNESS = 5000;

/**
 * The music a held caller hears, made here rather than downloaded (no licence to track): a soft chime per note
 * (a sine with its octave, a 10 ms rise and a gentle decay that never falls silent, so the line never sounds
 * dead). One phrase, to be looped.
 */
export function holdMusicPcm(): Int16Array {
  const pcm = new Int16Array(PHRASE.length * NOTE_SAMPLES);
  PHRASE.forEach((hz, note) => {
    for (let i = 0; i < NOTE_SAMPLES; i += 1) {
      const t = i / RATE;
      const envelope = Math.min(1, t / 0.01) * (0.35 + 0.65 * Math.exp(-t * 5));
      const wave = 0.8 * Math.sin(2 * Math.PI * hz * t) + 0.2 * Math.sin(4 * Math.PI * hz * t);
      pcm[note * NOTE_SAMPLES + i] = Math.round(LOUDNESS * envelope * wave);
    }
  });
  return pcm;
}

const encoded: Partial<Record<G711, Buffer>> = {};

/** The hold music's phrase in G.711 of a law, made once. */
export function holdMusic(law: G711): Buffer {
  const done = encoded[law] ?? encodeG711(holdMusicPcm(), law);
  encoded[law] = done;
  return done;
}
