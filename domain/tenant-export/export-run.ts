/**
 * What the export workflow carries from one table batch to the next (plain data, part of its history): where
 * the table's pages stand, and the file's running CRC-32 and sizes, so the archive is assembled without
 * reading any row again.
 */
export interface ExportFileState {
  file: string;
  /** Deflated pieces written so far (`exportPartKey(exportId, file, 0 … parts-1)`). */
  parts: number;
  /** The key the next page starts after; null before the first page. */
  after: string | null;
  done: boolean;
  crc32: number;
  /** Uncompressed and compressed bytes so far. */
  size: number;
  compressedSize: number;
}

export const freshFileState = (file: string): ExportFileState => ({
  file,
  parts: 0,
  after: null,
  done: false,
  crc32: 0,
  size: 0,
  compressedSize: 0,
});

/** Rows per batch: one activity, one page, one deflated piece. */
export const EXPORT_BATCH_ROWS = 500;
