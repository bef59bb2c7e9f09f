/** 20 ms at 8 kHz: the frame Twilio sends and the unit speech is detected in. */
const FRAME = 160;

/**
 * Cuts the caller's audio into utterances by energy: speech is a frame whose RMS passes `speechRms`; an utterance
 * ends after `endSilenceMs` of quiet, or at `maxMs`. Simple, and enough for the telephone's narrow band.
 */
export function createUtteranceDetector(options: { speechRms?: number; endSilenceMs?: number; maxMs?: number } = {}) {
  const speechRms = options.speechRms ?? 500;
  const endFrames = Math.ceil((options.endSilenceMs ?? 600) / 20);
  const maxFrames = Math.ceil((options.maxMs ?? 15_000) / 20);
  let pending: number[] = [];
  let frames: Int16Array[] = [];
  let heardSpeech = false;
  let quietFrames = 0;

  const cut = (): Int16Array => {
    const utterance = new Int16Array(frames.reduce((sum, frame) => sum + frame.length, 0));
    let offset = 0;
    for (const frame of frames) {
      utterance.set(frame, offset);
      offset += frame.length;
    }
    frames = [];
    heardSpeech = false;
    quietFrames = 0;
    return utterance;
  };

  return {
    /** Takes decoded samples; returns the utterances they completed. */
    push(samples: Int16Array): Int16Array[] {
      const done: Int16Array[] = [];
      pending.push(...samples);
      while (pending.length >= FRAME) {
        const frame = Int16Array.from(pending.slice(0, FRAME));
        pending = pending.slice(FRAME);
        const rms = Math.sqrt(frame.reduce((sum, sample) => sum + sample * sample, 0) / FRAME);
        if (rms >= speechRms) {
          heardSpeech = true;
          quietFrames = 0;
        } else if (heardSpeech) quietFrames += 1;
        if (heardSpeech) frames.push(frame);
        if (heardSpeech && (quietFrames >= endFrames || frames.length >= maxFrames)) done.push(cut());
      }
      return done;
    },
    /** What is left when the call ends: speech that was never followed by a pause. */
    end(): Int16Array | null {
      return heardSpeech ? cut() : null;
    },
  };
}
