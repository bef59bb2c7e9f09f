import type { FastifyReply, FastifyRequest } from 'fastify';
import { openCallAudio } from '../../../domain/conversations/open-call-audio';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { problem } from '../../problem';

/**
 * Streams a recording: 200 whole or 206 one range, seekable by the browser's player (Accept-Ranges). The
 * recording is the tenant's: caches may keep it for the signed-in browser only.
 */
export async function sendCallAudio(deps: AppDeps, id: string, request: FastifyRequest, reply: FastifyReply) {
  const audio = await openCallAudio(
    { orm: deps.orm, audio: deps.elevenLabs?.audio },
    { actor: actorOf(request), id, rangeHeader: request.headers.range },
  );
  reply.header('accept-ranges', 'bytes');
  if (audio.kind === 'unsatisfiable') {
    const body = problem(416, 'range_not_satisfiable', `The recording has ${audio.size} bytes`, {
      instance: request.url.split('?')[0],
    });
    return reply
      .status(416)
      .header('content-range', `bytes */${audio.size}`)
      .type('application/problem+json')
      .send(JSON.stringify(body));
  }
  reply
    .type('audio/mpeg')
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename="${audio.fileName}"`);
  if (audio.kind === 'partial') {
    const { start, end } = audio.range;
    reply
      .status(206)
      .header('content-range', `bytes ${start}-${end}/${audio.size}`)
      .header('content-length', end - start + 1);
  } else {
    reply.header('content-length', audio.size);
  }
  return reply.send(audio.body);
}
