/** Root-mean-square level of one channel of interleaved stereo (8 kHz) between two times. */
export function level(samples: Int16Array, channel: 0 | 1, fromSeconds: number, toSeconds: number): number {
  let sum = 0;
  let n = 0;
  for (let frame = Math.round(fromSeconds * 8000); frame < Math.min(samples.length / 2, toSeconds * 8000); frame += 1) {
    const value = samples[2 * frame + channel] ?? 0;
    sum += value * value;
    n += 1;
  }
  return n === 0 ? 0 : Math.sqrt(sum / n);
}

/** The longest stretch (start and end, seconds, in 100 ms steps) in which the channels (both by default) stay above `threshold`. */
export function longestSound(samples: Int16Array, threshold: number, channels: readonly (0 | 1)[] = [0, 1]): { from: number; to: number } {
  const seconds = samples.length / 2 / 8000;
  let best = { from: 0, to: 0 };
  let start: number | null = null;
  for (let at = 0; at + 0.1 <= seconds; at += 0.1) {
    const loud = channels.every((channel) => level(samples, channel, at, at + 0.1) > threshold);
    if (loud) {
      start ??= at;
      if (at + 0.1 - start > best.to - best.from) {
        best = { from: start, to: at + 0.1 };
      }
    } else {
      start = null;
    }
  }
  return best;
}
