import {
  ASSET_CONTENT_TYPES,
  MAX_ASSET_BYTES,
  type BrandingAsset,
  type ImageContentType,
} from '../../contracts/branding';
import { AppError } from '../errors/app-error';
import { looksLikeSvg, svgHazards } from './svg-safety';

const ALIASES: Record<string, string> = { 'image/vnd.microsoft.icon': 'image/x-icon' };

/** The declared media type without parameters, lowercase, with the favicon's alternative name folded in. */
export function normalizeContentType(declared: string | undefined): string {
  const bare = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The SVG's text when the bytes are valid UTF-8 (a BOM is dropped), else null. */
function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** What the bytes are by their magic numbers (an SVG by its root element), or null when none of the types. */
export function sniffImageType(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  // ICONDIR: reserved 0, type 1 (icon), at least one entry of 16 bytes.
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 22) {
    const count = bytes[4]! | (bytes[5]! << 8);
    if (count > 0 && bytes.length >= 6 + 16 * count) return 'image/x-icon';
  }
  const text = bytes.length > 0 && bytes[0] !== 0 ? utf8Text(bytes) : null;
  if (text !== null && looksLikeSvg(text)) return 'image/svg+xml';
  return null;
}

const refuse = (message: string, path: string, status: 'bad_request' | 'payload_too_large' = 'bad_request') =>
  new AppError(status, message, { errors: [{ path, message }] });

/**
 * Checks an uploaded logo or favicon: a content type the asset allows, within its size, whose bytes are what the
 * type says (magic bytes, not the declared type alone), and for SVG nothing that could run or load anything.
 * Returns the content type to store and serve it as.
 */
export function checkBrandingImage(
  asset: BrandingAsset,
  declaredType: string | undefined,
  bytes: Uint8Array,
): ImageContentType {
  const allowed = ASSET_CONTENT_TYPES[asset];
  const declared = normalizeContentType(declaredType);
  if (!allowed.includes(declared as ImageContentType)) {
    throw refuse(
      `A ${asset} must be one of ${allowed.join(', ')}; got ${declared || 'no type'}`,
      'headers.content-type',
    );
  }
  if (bytes.length === 0) throw refuse(`The ${asset} is empty`, 'body');
  const limit = MAX_ASSET_BYTES[asset];
  if (bytes.length > limit) {
    throw refuse(
      `A ${asset} may be at most ${limit / 1024} KiB; this one has ${bytes.length} bytes`,
      'body',
      'payload_too_large',
    );
  }
  const actual = sniffImageType(bytes);
  if (actual !== declared) {
    throw refuse(`The bytes are not a ${declared} image${actual ? ` (they look like ${actual})` : ''}`, 'body');
  }
  if (actual === 'image/svg+xml') {
    const hazards = svgHazards(utf8Text(bytes)!);
    if (hazards.length > 0) throw refuse(`The SVG is refused: it ${hazards.join('; ')}`, 'body');
  }
  return actual;
}
