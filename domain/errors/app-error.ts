import type { FieldError } from '../../contracts/problem';

/** Business error codes and the HTTP status each one maps to at the edge. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  /** The tenant's plan lacks a feature (domain/billing/gates.ts). */
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  /** An upload larger than its limit (a branding image). */
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** RFC 9457 extension members: machine-readable facts of a problem (`feature`, `requiredPlan`, `used`, …). */
export type ProblemExtensions = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly errors?: FieldError[];
  readonly extensions?: ProblemExtensions;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { errors?: FieldError[]; extensions?: ProblemExtensions; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.errors = options.errors;
    this.extensions = options.extensions;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
