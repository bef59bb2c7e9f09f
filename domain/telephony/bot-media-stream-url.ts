import { BOT_MEDIA_STREAM_PATH } from '../../contracts/voice-bot-runtime';

/**
 * The WebSocket URL of a bot app's media stream, from the app's web URL as Heroku reports it: `https://…/` becomes
 * `wss://…/media-stream`, `http://…` `ws://…/media-stream`, with or without a trailing slash on the app's path.
 * Anything but an http(s) URL is refused: the stream carries a caller's audio.
 */
export function botMediaStreamUrl(appUrl: string): string {
  const url = new URL(appUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`A bot app's URL must be http or https, not ${url.protocol}`);
  }
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${BOT_MEDIA_STREAM_PATH}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
