import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP writer (PKWARE APPNOTE 6.3, no Zip64): deflated entries with UTF-8 names, a central directory and
 * its end record. A file's deflate stream may be written in pieces by separate processes: each piece is
 * compressed on its own and sync-flushed (it ends on a byte boundary without ending the stream), so pieces
 * concatenate, and `DEFLATE_END` (an empty final block) closes the stream. The CRC-32 runs on across pieces
 * (`crc32(piece, previous)` of node:zlib).
 */

/** One piece of a deflate stream: may be followed by more pieces, and finally by `DEFLATE_END`. */
export const deflatePiece = (data: Uint8Array): Buffer =>
  deflateRawSync(data, { level: 6, finishFlush: constants.Z_SYNC_FLUSH });

/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
export const DEFLATE_END: Uint8Array = Uint8Array.of(0x03, 0x00);

export interface ZipEntry {
  /** The path inside the archive (UTF-8, `/` separated). */
  name: string;
  crc32: number;
  /** Uncompressed bytes. */
  size: number;
  /** Bytes of the deflate stream, `DEFLATE_END` included. */
  compressedSize: number;
}

const MAX_32 = 0xffffffff;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
const MADE_BY_UNIX = 3 << 8;
const REGULAR_FILE_0644 = 0o100644;

/** MS-DOS time and date (2-second resolution, from 1980), read in UTC so the same instant gives the same bytes. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/** The archive's size in bytes, before any body is read. */
export function zipSize(entries: readonly ZipEntry[]): number {
  return entries.reduce(
    (sum, entry) => sum + LOCAL_HEADER + CENTRAL_HEADER + 2 * Buffer.byteLength(entry.name) + entry.compressedSize,
    END_RECORD,
  );
}

function checkLimits(entries: readonly ZipEntry[]): void {
  if (entries.length > 0xffff) throw new Error('Too many files for a ZIP without Zip64');
  if (zipSize(entries) > MAX_32) throw new Error('Archive too large for a ZIP without Zip64');
  for (const entry of entries) {
    if (entry.size > MAX_32) throw new Error(`${entry.name} is too large for a ZIP without Zip64`);
    if (entry.name === '' || entry.name.startsWith('/') || entry.name.split('/').includes('..')) {
      throw new Error(`Not a safe path inside an archive: ${entry.name}`);
    }
  }
}

function header(kind: 'local' | 'central', entry: ZipEntry, modified: Date, offset: number): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const { time, date } = dosDateTime(modified);
  const local = kind === 'local';
  const out = Buffer.alloc((local ? LOCAL_HEADER : CENTRAL_HEADER) + name.length);
  let at = 0;
  const u16 = (value: number) => (at = out.writeUInt16LE(value, at));
  const u32 = (value: number) => (at = out.writeUInt32LE(value >>> 0, at));
  u32(local ? 0x04034b50 : 0x02014b50);
  // Made by Unix: unzip takes the names as the UTF-8 flag says (under MS-DOS it would re-code them from CP437).
  if (!local) u16(MADE_BY_UNIX | VERSION);
  u16(VERSION); // needed to extract
  u16(UTF8_NAMES);
  u16(DEFLATE);
  u16(time);
  u16(date);
  u32(entry.crc32);
  u32(entry.compressedSize);
  u32(entry.size);
  u16(name.length);
  u16(0); // extra field
  if (!local) {
    u16(0); // comment
    u16(0); // disk number
    u16(0); // internal attributes
    u32(REGULAR_FILE_0644 * 0x10000); // external attributes: the Unix mode in the high half
    u32(offset);
  }
  name.copy(out, at);
  return out;
}

/**
 * The archive as chunks in order: each entry's local header and body (its deflate pieces, `DEFLATE_END` last),
 * then the central directory and its end record. Bodies are passed through, not copied.
 */
export function zipArchive(
  files: ReadonlyArray<{ entry: ZipEntry; body: readonly Uint8Array[] }>,
  modified: Date,
): Uint8Array[] {
  checkLimits(files.map((file) => file.entry));
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { entry, body } of files) {
    const bodySize = body.reduce((sum, piece) => sum + piece.length, 0);
    if (bodySize !== entry.compressedSize) {
      throw new Error(`${entry.name}: ${bodySize} compressed bytes given, ${entry.compressedSize} announced`);
    }
    const local = header('local', entry, modified, offset);
    central.push(header('central', entry, modified, offset));
    chunks.push(local, ...body);
    offset += local.length + bodySize;
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(END_RECORD);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8); // entries on this disk
  end.writeUInt16LE(files.length, 10); // entries in all
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  chunks.push(...central, end);
  return chunks;
}

/** A whole archive of small in-memory files (each compressed as one piece). */
export function zipFiles(files: ReadonlyArray<{ name: string; data: Uint8Array }>, modified: Date): Buffer {
  return Buffer.concat(
    zipArchive(
      files.map(({ name, data }) => {
        const body = [deflatePiece(data), DEFLATE_END];
        const compressedSize = body[0]!.length + DEFLATE_END.length;
        return { entry: { name, crc32: crc32(data), size: data.length, compressedSize }, body };
      }),
      modified,
    ),
  );
}
