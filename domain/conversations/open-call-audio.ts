import type { Readable } from 'node:stream';
import type { Orm } from '../../db/orm';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../errors/app-error';
import type { AudioStore, ByteRange } from './audio-store';
import { parseRange } from './byte-range';
import { findReadableCallLog } from './find-readable-call-log';

export type CallAudio =
  | { kind: 'whole'; size: number; body: Readable; fileName: string }
  | { kind: 'partial'; size: number; range: ByteRange; body: Readable; fileName: string }
  | { kind: 'unsatisfiable'; size: number };

/**
 * A call's recording, whole or the one byte range the `Range` header asks for. Only a call the actor may read
 * is found, and only a recording kept under that call's own tenant is opened.
 */
export async function openCallAudio(
  deps: { orm: Orm; audio: AudioStore | undefined },
  { actor, id, rangeHeader }: { actor: Actor; id: string; rangeHeader: string | undefined },
): Promise<CallAudio> {
  const call = await findReadableCallLog(deps, { actor, id });
  if (!call.audio_key) throw notFound('Recording');
  if (!deps.audio) throw new AppError('unavailable', 'Recordings cannot be read by this server right now');
  // Keys are audioKeyFor(tenant, …): a key outside the call's tenant is a bug that must not leak a recording.
  if (!call.audio_key.startsWith(`${call.tenant_id}/`)) throw notFound('Recording');
  const size = await deps.audio.size(call.audio_key);
  if (size === null) throw notFound('Recording');
  const request = parseRange(rangeHeader, size);
  if (request.kind === 'unsatisfiable') return { kind: 'unsatisfiable', size };
  const range = request.kind === 'partial' ? request.range : undefined;
  const body = await deps.audio.read(call.audio_key, range);
  if (!body) throw notFound('Recording');
  const fileName = `${call.external_call_id.replace(/[^A-Za-z0-9_.-]/g, '_')}.mp3`;
  return range ? { kind: 'partial', size, range, body, fileName } : { kind: 'whole', size, body, fileName };
}
