// G.711 µ-law, as Twilio Media Streams carry it (8 kHz, mono, one byte per sample).
const BIAS = 0x84;
const CLIP = 32_635;

/** One µ-law byte to a 16-bit linear PCM sample. */
export function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? 0 - magnitude : magnitude; // never -0: the negative zero code is silence too
}

/** One 16-bit linear PCM sample to a µ-law byte. */
export function linearToMulaw(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(Math.round(sample)), CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = sign | (exponent << 4) | mantissa;
  return ~magnitude & 0xff;
}

const DECODE_TABLE = Int16Array.from({ length: 256 }, (_, byte) => mulawToLinear(byte));

export function decodeMulaw(bytes: Uint8Array): Int16Array {
  const samples = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) samples[i] = DECODE_TABLE[bytes[i]!]!;
  return samples;
}

export function encodeMulaw(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) bytes[i] = linearToMulaw(samples[i]!);
  return bytes;
}

/** A µ-law byte that decodes to silence. */
export const MULAW_SILENCE = 0xff;
