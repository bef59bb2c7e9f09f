/**
 * Why an SVG could run script or reach outside itself, in words, or an empty list when it is inert. Uploaded SVGs
 * are also served with a sandboxing CSP (api/routes/branding), so this is the first of two lines, and it refuses
 * rather than cleans: a logo has no business with scripts, event handlers or external references.
 */
const RULES: Array<[RegExp, string]> = [
  [/<\s*script\b/i, 'contains a <script> element'],
  [/\son[a-z]+\s*=/i, 'contains an event handler attribute (on…=)'],
  [/<!\s*(doctype|entity)\b/i, 'contains a DOCTYPE or entity declaration'],
  [/<\s*(foreignObject|iframe|embed|object|audio|video|handler|listener)\b/i, 'contains an embedding element'],
  [/<\?\s*xml-stylesheet\b/i, 'refers to an external stylesheet'],
  [/javascript\s*:|vbscript\s*:|data\s*:\s*text\/html/i, 'contains a script URL'],
  [/\b(?:xlink:)?href\s*=(?![\s"']*#)/i, 'refers to something outside the image (href not a #fragment)'],
  [/\bsrc\s*=/i, 'refers to something outside the image (src)'],
  [/url\s*\((?![\s"']*#)/i, 'refers to something outside the image (url() not a #fragment)'],
  [/@import\b/i, 'imports a stylesheet'],
];

/**
 * `<svg` as the root element, after an optional XML declaration, comments and DOCTYPE (refused by the rules).
 * Every part has one way to match, so a hostile upload cannot make it backtrack: a comment ends at its first
 * `-->` (a lazy `[\s\S]*?` could also span several, so each comment before a non-SVG byte doubled the work: 24
 * took 87 ms, 40 would take an hour and a half), and the DOCTYPE's parts stop at the character that ends them.
 */
const SVG_ROOT =
  // eslint-disable-next-line security/detect-unsafe-regex -- linear: each repeated part has one extent (above)
  /^\s*(?:<\?xml\b[^>]*\?>\s*)?(?:<!--(?:(?!-->)[\s\S])*-->\s*)*(?:<!DOCTYPE[^[>]*(?:\[[^\]]*\][^>]*)?>\s*)?<svg[\s>/]/i;

export const looksLikeSvg = (text: string): boolean => SVG_ROOT.test(text);

export function svgHazards(text: string): string[] {
  return RULES.filter(([pattern]) => pattern.test(text)).map(([, reason]) => reason);
}
