import { audioKeyFor, type AudioStore } from '../../domain/conversations/audio-store';
import { silentMp3 } from '../../sim/elevenlabs/mp3';
import { bearerFor, makeTenant, makeUser, makeWorld } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { makeCall } from './call-log-fixtures';

type Headers = { authorization: string };

/** `GET /api/call-logs/:id/audio`: a call's recording from the audio store, tenant-checked, with HTTP Range. */
describe('call recordings API', () => {
  let h: Harness;
  let audio: AudioStore;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let other: Headers;
  let callId: string;
  const mp3 = silentMp3(20, 'conv_audio_test');

  beforeAll(async () => {
    // Nothing is asked of ElevenLabs here; the URL only wires the monitoring group, the audio store with it.
    h = await createHarness({ elevenLabsUrl: 'http://127.0.0.1:9/elevenlabs' });
    audio = h.audio!;
    world = await makeWorld(h.orm, h.app);
    const key = audioKeyFor(world.tenant.id, 'conv_audio_test');
    await audio.put(key, mp3);
    callId = (await makeCall(h.orm, world.tenant.id, { startedAt: new Date(), audioKey: key })).id;
    const otherTenant = await makeTenant(h.orm);
    other = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', otherTenant.id));
  });
  afterAll(() => h.close());

  const fetchAudio = (headers: Headers, range?: string, id = callId) =>
    h.app.inject({ url: `/api/call-logs/${id}/audio`, headers: { ...headers, ...(range ? { range } : {}) } });

  it('sends the whole recording as MP3 that the browser may cache privately and seek in', async () => {
    const response = await fetchAudio(world.headers.customer_user);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'audio/mpeg',
      'accept-ranges': 'bytes',
      'content-length': String(mp3.length),
      'cache-control': expect.stringMatching(/^private/),
    });
    expect(response.rawPayload.equals(mp3)).toBe(true);
    expect(response.rawPayload.subarray(0, 3).toString()).toBe('ID3');
  });

  it.each([
    ['the first 100 bytes', 'bytes=0-99', 0, 99],
    ['an open-ended range', 'bytes=100-', 100, mp3.length - 1],
    ['the last 500 bytes', 'bytes=-500', mp3.length - 500, mp3.length - 1],
    [
      'a range past the end, cut to it',
      `bytes=${mp3.length - 10}-${mp3.length + 1000}`,
      mp3.length - 10,
      mp3.length - 1,
    ],
  ])('sends %s as 206 with Content-Range', async (_, range, start, end) => {
    const response = await fetchAudio(world.headers.customer_admin, range);
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${mp3.length}`);
    expect(response.headers['content-length']).toBe(String(end - start + 1));
    expect(response.headers['content-type']).toBe('audio/mpeg');
    expect(response.rawPayload.equals(mp3.subarray(start, end + 1))).toBe(true);
  });

  it('answers 416 with the size to a range that starts past the end', async () => {
    const response = await fetchAudio(world.headers.customer_admin, `bytes=${mp3.length}-`);
    expect(response.statusCode).toBe(416);
    expect(response.headers['content-range']).toBe(`bytes */${mp3.length}`);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 416, code: 'range_not_satisfiable' });
  });

  it('sends the whole recording for a Range it does not take (several ranges, another unit)', async () => {
    for (const range of ['bytes=0-9,20-29', 'seconds=1-2', 'bytes=9-1']) {
      const response = await fetchAudio(world.headers.customer_admin, range);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.length).toBe(mp3.length);
    }
  });

  it('answers HEAD with the size and no body', async () => {
    const response = await h.app.inject({
      method: 'HEAD',
      url: `/api/call-logs/${callId}/audio`,
      headers: world.headers.customer_admin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(mp3.length));
    expect(response.rawPayload.length).toBe(0);
  });

  it('gives another tenant nothing: not found, whole or by range, while platform staff may listen', async () => {
    for (const range of [undefined, 'bytes=0-99']) {
      const response = await fetchAudio(other, range);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.rawPayload.includes(mp3.subarray(0, 64))).toBe(false);
    }
    expect((await fetchAudio(world.headers.support, 'bytes=0-99')).statusCode).toBe(206);
  });

  it('never opens a recording kept under another tenant, even if a call log pointed at it', async () => {
    const otherTenant = await makeTenant(h.orm);
    const thief = await bearerFor(h.app, await makeUser(h.orm, 'customer_user', otherTenant.id));
    const misfiled = await makeCall(h.orm, otherTenant.id, {
      startedAt: new Date(),
      audioKey: audioKeyFor(world.tenant.id, 'conv_audio_test'),
    });
    const response = await fetchAudio(thief, undefined, misfiled.id);
    expect(response.statusCode).toBe(404);
    expect(response.rawPayload.length).toBeLessThan(mp3.length);
  });

  it('answers 404 for a call without a recording and for a recording missing from the store', async () => {
    const silent = await makeCall(h.orm, world.tenant.id, { startedAt: new Date() });
    const lost = await makeCall(h.orm, world.tenant.id, {
      startedAt: new Date(),
      audioKey: audioKeyFor(world.tenant.id, 'conv_never_stored'),
    });
    for (const id of [silent.id, lost.id]) {
      const response = await fetchAudio(world.headers.customer_admin, undefined, id);
      expect(response.statusCode).toBe(404);
      expect(response.json().detail).toBe('Recording not found');
    }
  });
});
