import type { CallAnalysisView, TranscriptTurnView } from '../../contracts/call-logs';
import type { ConversationFacts } from './conversation-event';

/**
 * An e-mail address. Its parts are bounded by the RFC's limits (64 before the @, 255 after), so a long run without
 * a match costs linear time: unbounded, every start in a 40,000-character run rescanned the run (2 s of CPU).
 */
const EMAIL = /[^\s@<>()[\]]{1,64}@[^\s@<>()[\]]{1,255}\.[a-z]{2,}/gi;
/** Six or more digits, however written (`+43 664 123-4567`, `(0664) 1234567`): a phone or account number. */
// eslint-disable-next-line security/detect-unsafe-regex -- linear: separators and digits are disjoint classes
const PHONE = /\+?\(?\d(?:[\s().\-/]{0,2}\d){5,}/g;
/** Any other run of two or more digits (a date of birth, a postcode, a PIN read out digit by digit). */
// eslint-disable-next-line security/detect-unsafe-regex -- linear: separators and digits are disjoint classes
const NUMBER = /\d(?:[\s.\-/]{0,2}\d)+/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks contact data in free text: e-mail addresses, phone-like and other multi-digit numbers, and each of
 * `known` (values the agent collected about the caller, such as a name) wherever it appears. The masks contain
 * neither digits nor `@`, so masking twice changes nothing.
 */
export function maskText(text: string, known: readonly string[] = []): string {
  let masked = text.replace(EMAIL, '[email]').replace(PHONE, '[phone]').replace(NUMBER, '[number]');
  for (const value of known.map((item) => item.trim()).filter((item) => item.length >= 3)) {
    // eslint-disable-next-line security/detect-non-literal-regexp -- the value is escaped: it matches only itself
    const whole = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'giu');
    masked = masked.replace(whole, '[redacted]');
  }
  return masked;
}

/** The parts of a conversation that hold what callers said about themselves. */
export interface SpokenParts {
  title: string | null;
  summary: string | null;
  transcript: TranscriptTurnView[];
  analysis: CallAnalysisView | null;
}

/**
 * The spoken parts masked: transcript, title, summary and rationales, and the data collection's values dropped
 * (they are what the agent was told to learn about the caller) after masking them wherever else they appear.
 */
export function maskSpokenParts(parts: SpokenParts): SpokenParts {
  const known = (parts.analysis?.collected ?? [])
    .map((item) => item.value)
    .filter((value): value is string => typeof value === 'string');
  const mask = (text: string) => maskText(text, known);
  return {
    title: parts.title && mask(parts.title),
    summary: parts.summary && mask(parts.summary),
    transcript: parts.transcript.map((turn) => ({ ...turn, text: mask(turn.text) })),
    analysis: parts.analysis && {
      evaluations: parts.analysis.evaluations.map((item) => ({ ...item, rationale: mask(item.rationale) })),
      collected: parts.analysis.collected.map((item) => ({ ...item, value: null, rationale: mask(item.rationale) })),
    },
  };
}

/**
 * A conversation as a tenant with `anonymize_call_logs` keeps it: no caller or callee number and the spoken parts
 * masked. Applied before anything is written: the inbox, Temporal's history and the call log.
 */
export const anonymiseFacts = (facts: ConversationFacts): ConversationFacts => ({
  ...facts,
  ...maskSpokenParts(facts),
  fromNumber: null,
  toNumber: null,
});
