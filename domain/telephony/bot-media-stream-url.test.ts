import { botMediaStreamUrl } from './bot-media-stream-url';

describe('botMediaStreamUrl', () => {
  it.each([
    ['https://vp-abc.herokuapp.com/', 'wss://vp-abc.herokuapp.com/media-stream'],
    ['https://vp-abc-1a2b3c.herokuapp.com', 'wss://vp-abc-1a2b3c.herokuapp.com/media-stream'],
    ['http://127.0.0.1:4010/sim-apps/vp-abc/', 'ws://127.0.0.1:4010/sim-apps/vp-abc/media-stream'],
    ['http://127.0.0.1:4010/sim-apps/vp-abc', 'ws://127.0.0.1:4010/sim-apps/vp-abc/media-stream'],
    ['https://bots.example.com/a//', 'wss://bots.example.com/a/media-stream'],
    ['https://vp-abc.herokuapp.com/?x=1#y', 'wss://vp-abc.herokuapp.com/media-stream'],
  ])('streams %s to %s', (appUrl, streamUrl) => {
    expect(botMediaStreamUrl(appUrl)).toBe(streamUrl);
  });

  it.each(['ftp://vp-abc.example.com/', 'javascript:alert(1)', 'not a url', ''])('refuses %j', (appUrl) => {
    expect(() => botMediaStreamUrl(appUrl)).toThrow();
  });
});
