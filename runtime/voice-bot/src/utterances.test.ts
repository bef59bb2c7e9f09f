import { createUtteranceDetector } from './utterances';

const tone = (ms: number) =>
  Int16Array.from({ length: ms * 8 }, (_, i) => Math.round(6_000 * Math.sin((2 * Math.PI * 300 * i) / 8_000)));
const quiet = (ms: number) => new Int16Array(ms * 8);

describe('utterance detection', () => {
  it('cuts an utterance after a pause, and ignores silence before speech', () => {
    const detector = createUtteranceDetector({ endSilenceMs: 200 });
    expect(detector.push(quiet(500))).toEqual([]);
    expect(detector.push(tone(400))).toEqual([]);
    const [utterance, ...more] = detector.push(quiet(300));
    expect(more).toEqual([]);
    // The speech plus the pause that ended it (10 frames of 20 ms).
    expect(utterance!.length).toBe(400 * 8 + 200 * 8);
    expect(detector.push(quiet(1_000))).toEqual([]);
    expect(detector.end()).toBeNull();
  });

  it('hands over speech still running when the call ends, in odd-sized chunks too', () => {
    const detector = createUtteranceDetector();
    const audio = tone(300);
    for (let i = 0; i < audio.length; i += 77) expect(detector.push(audio.subarray(i, i + 77))).toEqual([]);
    expect(detector.end()!.length).toBe(Math.floor(audio.length / 160) * 160);
  });

  it('cuts an utterance that never pauses at the maximum length', () => {
    const detector = createUtteranceDetector({ maxMs: 1_000 });
    expect(detector.push(tone(2_500)).map((utterance) => utterance.length)).toEqual([8_000, 8_000]);
  });
});
