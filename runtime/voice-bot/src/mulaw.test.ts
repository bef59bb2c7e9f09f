import { decodeMulaw, encodeMulaw, linearToMulaw, mulawToLinear, MULAW_SILENCE } from './mulaw';

describe('µ-law (G.711)', () => {
  it.each([
    [0xff, 0],
    [0x7f, 0],
    [0x80, 32_124],
    [0x00, -32_124],
    [0xfe, 8],
    [0x7e, -8],
    [0xf0, 120],
    [0xef, 132],
    [0x8f, 16_764],
    [0x0f, -16_764],
  ])('decodes %d to %d', (byte, sample) => {
    expect(mulawToLinear(byte)).toBe(sample);
  });

  it.each([
    [0, 0xff],
    [-1, 0x7f],
    [32_767, 0x80],
    [-32_768, 0x00],
    [8, 0xfe],
    [1_000, 0xce],
  ])('encodes %d to %d', (sample, byte) => {
    expect(linearToMulaw(sample)).toBe(byte);
  });

  it('round-trips every byte but the negative zero, which decodes to the same silence', () => {
    for (let byte = 0; byte < 256; byte += 1) {
      const again = linearToMulaw(mulawToLinear(byte));
      expect(byte === 0x7f ? [0x7f, 0xff] : [byte]).toContain(again);
    }
    expect(mulawToLinear(MULAW_SILENCE)).toBe(0);
  });

  it('keeps a tone within µ-law’s quantisation error', () => {
    const tone = Int16Array.from({ length: 160 }, (_, i) =>
      Math.round(8_000 * Math.sin((2 * Math.PI * 440 * i) / 8_000)),
    );
    const back = decodeMulaw(encodeMulaw(tone));
    tone.forEach((sample, i) => expect(Math.abs(back[i]! - sample)).toBeLessThanOrEqual(Math.abs(sample) / 16 + 8));
  });
});
