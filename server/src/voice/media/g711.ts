/**
 * G.711 (ITU-T G.711) A-law and µ-law, the codecs every carrier trunk and phone speaks: 8 kHz, one byte per
 * sample. Encoding is done once per prompt and decoding for recordings, so plain per-sample functions suffice.
 */

/** A-law byte of a 16-bit linear sample. */
export function linearToAlaw(sample: number): number {
  let pcm = Math.max(-32768, Math.min(32767, Math.round(sample))) >> 3;
  const sign = pcm >= 0 ? 0x80 : 0x00;
  if (pcm < 0) {
    pcm = -pcm - 1;
  }
  let exponent = 7;
  for (let mask = 0x800; (pcm & mask) === 0 && exponent > 0; mask >>= 1) {
    exponent -= 1;
  }
  const mantissa = exponent === 0 ? (pcm >> 1) & 0x0f : (pcm >> exponent) & 0x0f;
  return (sign | (exponent << 4) | mantissa) ^ 0x55;
}

/** 16-bit linear sample of an A-law byte. */
export function alawToLinear(byte: number): number {
  const value = byte ^ 0x55;
  const exponent = (value & 0x70) >> 4;
  const mantissa = value & 0x0f;
  let magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  magnitude = Math.min(magnitude, 32767);
  return value & 0x80 ? magnitude : -magnitude;
}

const ULAW_BIAS = 0x84;
const ULAW_CLIP = 32635;

/** µ-law byte of a 16-bit linear sample. */
export function linearToUlaw(sample: number): number {
  let pcm = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = pcm < 0 ? 0x80 : 0x00;
  if (pcm < 0) {
    pcm = -pcm;
  }
  pcm = Math.min(pcm, ULAW_CLIP) + ULAW_BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) {
    exponent -= 1;
  }
  const mantissa = (pcm >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** 16-bit linear sample of a µ-law byte. */
export function ulawToLinear(byte: number): number {
  const value = ~byte & 0xff;
  const exponent = (value >> 4) & 0x07;
  const magnitude = (((value & 0x0f) << 3) + ULAW_BIAS) << exponent;
  return value & 0x80 ? ULAW_BIAS - magnitude : magnitude - ULAW_BIAS;
}

/** The byte of digital silence in each law (sent after a prompt ends, so the stream never stops). */
export const SILENCE = { PCMA: 0xd5, PCMU: 0xff } as const;

export type G711 = keyof typeof SILENCE;

/** Encodes 16-bit little-endian linear PCM into G.711 bytes. */
export function encodeG711(pcm: Int16Array, law: G711): Buffer {
  const encode = law === "PCMA" ? linearToAlaw : linearToUlaw;
  const out = Buffer.alloc(pcm.length);
  for (let i = 0; i < pcm.length; i += 1) {
    out[i] = encode(pcm[i] ?? 0);
  }
  return out;
}

/** Every byte's linear sample, per law: decoding a recording is then one lookup a sample. */
const DECODED = {
  PCMA: Int16Array.from({ length: 256 }, (_, byte) => alawToLinear(byte)),
  PCMU: Int16Array.from({ length: 256 }, (_, byte) => ulawToLinear(byte)),
};

/** Decodes G.711 bytes into 16-bit linear PCM. */
export function decodeG711(bytes: Uint8Array, law: G711): Int16Array {
  const table = DECODED[law];
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    out[i] = table[bytes[i] ?? 0] ?? 0;
  }
  return out;
}
