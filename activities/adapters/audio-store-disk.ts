import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AudioStore } from '../../domain/conversations/audio-store';

/** The work's result, or null when the file is not there. */
async function unlessMissing<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Recordings as files under `root` (by default `<DATA_DIR>/audio`), one folder per tenant. */
export function createDiskAudioStore(root: string): AudioStore {
  const fileOf = (key: string) => {
    const file = path.resolve(root, key);
    // Keys are built by audioKeyFor; anything that climbs out of the folder is a bug, not a path to follow.
    if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error(`Audio key outside the store: ${key}`);
    return file;
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written beside and renamed, so a reader never sees half a recording.
      const partial = `${file}.${process.pid}.${Date.now()}.part`;
      await writeFile(partial, bytes);
      await rename(partial, file);
    },
    size: (key) => unlessMissing(async () => (await stat(fileOf(key))).size),
    // The stream closes the handle when it ends or is destroyed.
    read: (key, range) =>
      unlessMissing(async () =>
        (await open(fileOf(key))).createReadStream(range ? { start: range.start, end: range.end } : {}),
      ),
    remove: (key) => rm(fileOf(key), { force: true }),
    async removePrefix(prefix) {
      if (!prefix.endsWith('/')) throw new Error(`Audio prefix is not a folder: ${prefix}`);
      const folder = fileOf(prefix);
      const entries = await unlessMissing(() => readdir(folder, { recursive: true, withFileTypes: true }));
      if (!entries) return 0;
      await rm(folder, { recursive: true, force: true });
      return entries.filter((entry) => entry.isFile()).length;
    },
  };
}
