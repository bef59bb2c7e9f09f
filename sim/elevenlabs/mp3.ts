/**
 * A valid, silent MP3 of a given length: an ID3v2.4 tag naming the conversation (ElevenLabs' files start with
 * `ID3`), then MPEG-2 Layer III frames at 8 kbit/s, 16 kHz mono. Each frame is 36 bytes and 36 ms, so a
 * minute is about 60 KB: big enough to exercise streaming and range requests, small enough for benches.
 */
const FRAME_HEADER = [0xff, 0xf3, 0x18, 0xc0];
const FRAME_BYTES = 36;
const FRAME_SECONDS = 576 / 16_000;

const frame = Buffer.alloc(FRAME_BYTES);
Buffer.from(FRAME_HEADER).copy(frame);

/** ID3v2.4 sizes are "syncsafe": four bytes of seven bits each. */
function syncsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function id3Tag(title: string): Buffer {
  const text = Buffer.concat([Buffer.from([0x03]), Buffer.from(title, 'utf8')]);
  const titleFrame = Buffer.concat([Buffer.from('TIT2'), syncsafe(text.length), Buffer.from([0, 0]), text]);
  return Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0]), syncsafe(titleFrame.length), titleFrame]);
}

export function silentMp3(seconds: number, title: string): Buffer {
  const frames = Math.max(1, Math.ceil(seconds / FRAME_SECONDS));
  const tag = id3Tag(title);
  const audio = Buffer.alloc(tag.length + frames * FRAME_BYTES);
  tag.copy(audio);
  for (let index = 0; index < frames; index += 1) frame.copy(audio, tag.length + index * FRAME_BYTES);
  return audio;
}
