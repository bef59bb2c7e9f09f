import { STATUS_CODES } from 'node:http';
import type { FieldError } from '../domain/errors/app-error';

/** RFC 9457 problem details: the one error shape every endpoint answers with. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
}

export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://docs.voiceplane.dev/problems/${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}
