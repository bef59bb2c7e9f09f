import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors/app-error';

/**
 * An image upload's bytes as the body parser hands them over. The bytes sit behind a private field, so the edge's
 * text checks (api/plugins/reject-unstorable-text.ts), which walk a body's keys, see no keys at all.
 */
export class UploadedImage {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/** Reads `image/*` bodies as raw bytes in the routes of `app` (encapsulated: other routes keep their parsers). */
export function acceptImageBodies(app: FastifyInstance): void {
  app.addContentTypeParser(/^image\//i, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, new UploadedImage(body as Buffer)),
  );
}

/** The uploaded bytes, or 400 when the body was not sent as an image. */
export function imageBytesOf(body: unknown): Buffer {
  if (body instanceof UploadedImage) return body.bytes;
  throw new AppError('bad_request', 'Send the image’s bytes as the body, with its content type (e.g. image/png)', {
    errors: [{ path: 'headers.content-type', message: 'must be an image type' }],
  });
}
