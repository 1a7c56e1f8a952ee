/**
 * WAV (RIFF, 16-bit linear PCM) for call recordings and prompts: recordings are stereo — the caller on the
 * left, what the caller heard (IVR or operator) on the right — so quality control and speech analytics can
 * tell the two sides apart.
 */
export interface WavAudio {
  sampleRate: number;
  channels: number;
  /** Interleaved samples (left, right, left, …). */
  samples: Int16Array;
}

/** A whole WAV file of the samples. */
export function encodeWav(audio: WavAudio): Buffer {
  const data = Buffer.from(audio.samples.buffer, audio.samples.byteOffset, audio.samples.byteLength);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(audio.channels, 22);
  header.writeUInt32LE(audio.sampleRate, 24);
  header.writeUInt32LE(audio.sampleRate * audio.channels * 2, 28);
  header.writeUInt16LE(audio.channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export class WavError extends Error {
  constructor(readonly reason: "not_wav" | "not_pcm16" | "no_data") {
    super(`WAV refused: ${reason}`);
  }
}

/** Reads a 16-bit PCM WAV (an uploaded prompt), walking its chunks; other encodings are refused. */
export function decodeWav(file: Buffer): WavAudio {
  if (file.length < 12 || file.toString("ascii", 0, 4) !== "RIFF" || file.toString("ascii", 8, 12) !== "WAVE") {
    throw new WavError("not_wav");
  }
  let format: { channels: number; sampleRate: number } | null = null;
  for (let at = 12; at + 8 <= file.length; ) {
    const id = file.toString("ascii", at, at + 4);
    const size = file.readUInt32LE(at + 4);
    const body = file.subarray(at + 8, Math.min(file.length, at + 8 + size));
    if (id === "fmt ") {
      if (body.length < 16 || body.readUInt16LE(0) !== 1 || body.readUInt16LE(14) !== 16) {
        throw new WavError("not_pcm16");
      }
      format = { channels: body.readUInt16LE(2), sampleRate: body.readUInt32LE(4) };
    } else if (id === "data" && format !== null) {
      const samples = new Int16Array(Math.floor(body.length / 2));
      for (let i = 0; i < samples.length; i += 1) {
        samples[i] = body.readInt16LE(i * 2);
      }
      return { ...format, samples };
    }
    // Chunks are padded to an even length.
    at += 8 + size + (size % 2);
  }
  throw new WavError("no_data");
}

/** Two mono tracks as one interleaved stereo track; the shorter is padded with silence. */
export function interleave(left: Int16Array, right: Int16Array): Int16Array {
  const frames = Math.max(left.length, right.length);
  const out = new Int16Array(frames * 2);
  for (let i = 0; i < frames; i += 1) {
    out[2 * i] = left[i] ?? 0;
    out[2 * i + 1] = right[i] ?? 0;
  }
  return out;
}
