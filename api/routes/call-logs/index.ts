import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CallLogDetail,
  CallLogFilter,
  CallLogListQuery,
  CallLogPage,
  CallLogParams,
} from '../../../contracts/call-logs';
import { callLogsCsv } from '../../../domain/conversations/call-logs-csv';
import { getCallLog } from '../../../domain/conversations/get-call-log';
import { listCallLogs } from '../../../domain/conversations/list-call-logs';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';
import { sendCallAudio } from './send-call-audio';

const MP3 = { 'audio/mpeg': { schema: z.string().meta({ format: 'binary' }) } };

/**
 * The call history of monitored ElevenLabs agents: the filtered list (keyset pages, CSV export), one call with
 * its transcript, and its recording with HTTP Range. Customers read their own tenant's; staff name one or none.
 */
export const callLogRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['calls'];
  const preHandler = app.requirePermission('calls:read');

  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'Calls newest first, by agent, days, status, outcome, duration and transcript words (cursor pages)',
        description:
          'Pass `nextCursor` back as `cursor` for the next page; a cursor this list did not hand out is 400.',
        querystring: CallLogListQuery,
        response: responds({ 200: CallLogPage }),
      },
      preHandler,
    },
    async (request) => listCallLogs(deps, { actor: actorOf(request), query: request.query }),
  );

  app.get(
    '.csv',
    {
      schema: {
        tags,
        summary: 'The same calls as CSV, newest first (at most 10,000: the last line says when more matched)',
        querystring: CallLogFilter,
        response: responds({
          200: {
            description: "RFC 4180 CSV with a header row; text that would run as a spreadsheet formula starts with '",
            content: { 'text/csv': { schema: z.string() } },
          },
        }),
      },
      preHandler,
    },
    async (request, reply) => {
      const { csv, capped } = await callLogsCsv(deps, { actor: actorOf(request), filter: request.query });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="calls${request.query.from ? `-${request.query.from}` : ''}.csv"`,
        )
        .header('cache-control', 'private, no-store')
        .header('x-export-capped', String(capped))
        .send(csv);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One call: transcript, summary, evaluation results, collected data, cost and recording URL',
        params: CallLogParams,
        response: responds({ 200: CallLogDetail }),
      },
      preHandler,
    },
    async (request) => getCallLog(deps, { actor: actorOf(request), id: request.params.id }),
  );

  app.get(
    '/:id/audio',
    {
      schema: {
        tags,
        summary: 'The call’s recording (MP3), whole or one byte range',
        description:
          'Single ranges only (`bytes=0-99`, `bytes=100-`, `bytes=-500`): 206 with Content-Range; a range past ' +
          'the end is 416 with `Content-Range: bytes */<size>`; another unit or several ranges get the whole file.',
        params: CallLogParams,
        response: responds({
          200: { description: 'The whole recording', content: MP3 },
          206: { description: 'The requested byte range', content: MP3 },
        }),
      },
      preHandler,
    },
    async (request, reply) => sendCallAudio(deps, request.params.id, request, reply),
  );
};
