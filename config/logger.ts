import type { FastifyServerOptions } from 'fastify';

const SENSITIVE_QUERY = /([?&](?:token|code|key|secret|password)=)[^&]*/gi;

/**
 * pino settings for every Fastify process (API, simulator): secrets and personal data are redacted before anything is written, including
 * tokens that arrive in query strings (verification links).
 */
export function loggerOptions(
  level: string,
  output: { pretty: boolean } | { stream: NodeJS.WritableStream },
): FastifyServerOptions['logger'] {
  return {
    level,
    ...('stream' in output ? { stream: output.stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.accessToken',
        '*.refreshToken',
        '*.token',
        '*.secret',
        '*.apiKey',
        '*.email',
        '*.contactEmail',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url.replace(SENSITIVE_QUERY, '$1[redacted]'),
      }),
    },
    ...('pretty' in output && output.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  };
}
