/** Line breaks and other control characters become spaces; invisible format characters (bidi overrides) go. */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
const INVISIBLE = /\p{Cf}/gu;
/** Between letters or digits a dot or an at sign is what makes mail clients see a domain or an address. */
const LINKING_DOT = /(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;
const LINKING_AT = /(?<=[\p{L}\p{N}])@(?=[\p{L}\p{N}])/gu;

/**
 * Someone else's text (a company name typed at sign-up) made fit for a plain-text mail's subject or body: one
 * line, so it cannot add headers; at most `maxLength` characters; and unable to become a clickable link, since
 * `://`, `.` and `@` inside words are written the way security notices quote addresses (`[:]//`, `[.]`, `[at]`).
 */
export function mailSafeText(value: string, maxLength = 100): string {
  const oneLine = value.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
  const unlinkable = oneLine.replace(/:\/\//g, '[:]//').replace(LINKING_DOT, '[.]').replace(LINKING_AT, '[at]');
  return Array.from(unlinkable).slice(0, maxLength).join('').trim();
}
