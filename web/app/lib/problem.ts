/** RFC 9457 problem details, as returned by the VoicePlane API on errors. */
export interface ProblemFieldError {
  /** e.g. "email", "/email", "body.email" or ["email"] */
  path: string | ReadonlyArray<string | number>;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemFieldError[];
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' || typeof v.detail === 'string' || typeof v.status === 'number';
}

/** Last segment of a field-error path ("body.email", "/email", ["email"] → "email"). */
export function fieldName(path: ProblemFieldError['path']): string | undefined {
  const segments = Array.isArray(path)
    ? path.map(String)
    : String(path)
        .split(/[./[\]]+/)
        .filter(Boolean);
  return segments.at(-1);
}

/** Splits problem `errors` into per-field messages (for known fields) and the rest. */
export function splitFieldErrors<F extends string>(
  problem: Problem,
  fields: readonly F[],
): { byField: Partial<Record<F, string>>; other: string[] } {
  const byField: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const error of problem.errors ?? []) {
    if (!error || typeof error.message !== 'string') continue;
    const name = fieldName(error.path);
    const field = fields.find((f) => f === name);
    if (field && !byField[field]) byField[field] = error.message;
    else if (!field) other.push(error.message);
  }
  return { byField, other };
}
