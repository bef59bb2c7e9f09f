import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { readZip } from '../../tests/support/read-zip';
import { DEFLATE_END, deflatePiece, zipArchive, zipFiles, zipSize } from './zip';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const MODIFIED = new Date('2026-12-05T10:20:30Z');

describe('zip writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'voiceplane-zip-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Checks with the system's unzip when there is one, else with the test's own reader (same assertions). */
  function extract(zip: Buffer): { list: string; files: Map<string, Buffer> } {
    if (!hasUnzip) {
      const files = readZip(zip);
      return { list: [...files.keys()].join('\n'), files };
    }
    // A UTF-8 locale, or unzip matches UTF-8 names against mangled ones.
    const options = { env: { ...process.env, LC_ALL: 'C.UTF-8' }, maxBuffer: 64 * 1024 * 1024 };
    const file = path.join(dir, `archive-${Math.random().toString(36).slice(2)}.zip`);
    writeFileSync(file, zip);
    // -t inflates every entry and compares its CRC-32: a wrong checksum or size fails the command.
    execFileSync('unzip', ['-tq', file], options);
    const list = execFileSync('unzip', ['-l', file], { ...options, encoding: 'utf8' });
    const files = new Map<string, Buffer>();
    for (const name of readZip(zip).keys()) files.set(name, execFileSync('unzip', ['-p', file, name], options));
    return { list, files };
  }

  it('computes the standard CRC-32, also continued across pieces', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    const whole = Buffer.from('The quick brown fox jumps over the lazy dog');
    expect(crc32(whole)).toBe(0x414fa339);
    expect(crc32(whole.subarray(10), crc32(whole.subarray(0, 10)))).toBe(0x414fa339);
  });

  it('writes an archive unzip lists and extracts byte for byte, empty and UTF-8 named files included', () => {
    const big = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `row ${i} ${(i * 7919) % 1000}\n`).join(''));
    const files = [
      { name: 'users.json', data: Buffer.from('[{"name":"Zoë Müller"}]') },
      { name: 'empty.json', data: Buffer.alloc(0) },
      { name: 'übersicht/großes.txt', data: big },
    ];
    const zip = zipFiles(files, MODIFIED);
    expect(zip.length).toBeLessThan(big.length / 3);
    const { list, files: extracted } = extract(zip);
    for (const file of files) {
      expect(list).toContain(file.name);
      expect(extracted.get(file.name)).toEqual(file.data);
    }
    expect(list).toContain('2026');
  });

  it('joins a file deflated in separate pieces into one entry, as the export writes large tables', () => {
    const pieces = ['[', '\n{"id":1}', ',\n{"id":2}', ',\n{"id":3}', '\n]\n'].map((text) => Buffer.from(text));
    let crc = 0;
    const body: Uint8Array[] = [];
    for (const piece of pieces) {
      crc = crc32(piece, crc);
      body.push(deflatePiece(piece));
    }
    body.push(DEFLATE_END);
    const entry = {
      name: 'rows.json',
      crc32: crc,
      size: pieces.reduce((sum, piece) => sum + piece.length, 0),
      compressedSize: body.reduce((sum, piece) => sum + piece.length, 0),
    };
    const zip = Buffer.concat(zipArchive([{ entry, body }], MODIFIED));
    expect(zip.length).toBe(zipSize([entry]));
    const { files } = extract(zip);
    expect(JSON.parse(files.get('rows.json')!.toString('utf8'))).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('refuses a body that does not match its announced size, and unsafe names', () => {
    const entry = { name: 'a.json', crc32: 0, size: 0, compressedSize: 5 };
    expect(() => zipArchive([{ entry, body: [DEFLATE_END] }], MODIFIED)).toThrow(/announced/);
    expect(() => zipFiles([{ name: '../evil', data: Buffer.from('x') }], MODIFIED)).toThrow(/safe path/);
  });
});
