import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { createDiskAudioStore } from '../../activities/adapters/audio-store-disk';
import { AuditLog, TenantExport } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../../domain/auth/actor';
import type { AudioStore } from '../../domain/conversations/audio-store';
import { assembleExportArchive, markExportReady } from '../../domain/tenant-export/assemble-export';
import { downloadTokenFor, exportTokenKey } from '../../domain/tenant-export/download-token';
import { expireTenantExport } from '../../domain/tenant-export/expire-export';
import { exportArchiveKey, exportPartKey } from '../../domain/tenant-export/export-keys';
import type { TenantExportWorkflows } from '../../domain/tenant-export/export-port';
import type { ExportFileState } from '../../domain/tenant-export/export-run';
import { failExportRun } from '../../domain/tenant-export/fail-export-run';
import { openExportDownload } from '../../domain/tenant-export/open-export-download';
import { requestTenantExport } from '../../domain/tenant-export/request-export';
import { deflatePiece } from '../../domain/tenant-export/zip';
import { makeTenant, makeUser } from '../support/factories';
import { TEST_SECRET, testDatabaseUrl } from '../support/harness';
import { readZip } from '../support/read-zip';

const DAY_MS = 86_400_000;
const T0 = new Date('2026-11-02T08:00:00Z');
const tokenKey = exportTokenKey(TEST_SECRET);

/**
 * The export's steps as the workflow's activities and the API call them, without the workflow: the paths a run
 * rarely takes (a failed start, a late failure, a repeated step, a missing piece, a concurrent cleanup, an archive
 * gone from the store) set up directly.
 */
describe('tenant export steps', () => {
  let orm: Orm;
  let root: string;
  let audio: AudioStore;

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
    root = path.join(tmpdir(), `voiceplane-export-steps-${randomUUID()}`);
    audio = createDiskAudioStore(root);
  });
  afterAll(async () => {
    await orm?.close();
    await rm(root, { recursive: true, force: true });
  });

  const rowOf = (exportId: string) =>
    inScope(orm, { system: 'test' }, (em) => em.findOneOrFail(TenantExport, { id: exportId }, { refresh: true }));
  const actionsOf = async (exportId: string) =>
    (
      await inScope(orm, { system: 'test' }, (em) =>
        em.find(AuditLog, { targetType: 'tenant_export', targetId: exportId }, { orderBy: { createdAt: 'asc' } }),
      )
    ).map((entry) => ({ action: entry.action, details: entry.details }));
  const setRow = (exportId: string, values: Partial<TenantExport>) =>
    inScope(orm, { system: 'test' }, (em) => em.nativeUpdate(TenantExport, { id: exportId }, values));
  const bytesOf = async (stream: Readable) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  };

  /** A new export of a new tenant as the offboarding run records it (no workflow started), retained one day. */
  async function requested(now = T0) {
    const tenant = await makeTenant(orm);
    const view = await requestTenantExport(
      { orm, now: () => now },
      { actor: { system: 'offboarding' }, tenantId: tenant.id, retentionDays: 1 },
    );
    return { tenantId: tenant.id, exportId: view.id };
  }

  /** Writes `text` as the one deflated piece of `file` and returns the file's state as the batches leave it. */
  async function onePiece(exportId: string, file: string, text: string): Promise<ExportFileState> {
    const bytes = Buffer.from(text);
    const piece = deflatePiece(bytes);
    await audio.put(exportPartKey(exportId, file, 0), piece);
    const compressedSize = piece.length;
    return { file, parts: 1, after: null, done: true, crc32: crc32(bytes), size: bytes.length, compressedSize };
  }

  /** An export whose archive (one file) is assembled and which was marked ready at `readyAt`. */
  async function ready(readyAt = T0) {
    const { tenantId, exportId } = await requested(new Date(readyAt.getTime() - 60_000));
    const state = await onePiece(exportId, 'tenant.json', '[{"id":1}]');
    const archive = await assembleExportArchive({ orm, audio }, { exportId, tenantId, files: [state] });
    const { expiresAt } = await markExportReady(
      { orm, exportTokenKey: tokenKey, now: () => readyAt },
      { exportId, tenantId, ...archive },
    );
    return { tenantId, exportId, expiresAt, token: downloadTokenFor(tokenKey, exportId) };
  }

  describe('requesting', () => {
    const workflowsThat = (start: TenantExportWorkflows['start']) => {
      const starts: Array<{ exportId: string; tenantId: string }> = [];
      const workflows: TenantExportWorkflows = {
        async start(input) {
          starts.push(input);
          return start(input);
        },
      };
      return { workflows, starts };
    };
    const adminOf = async (tenantId: string): Promise<Actor> => ({
      userId: (await makeUser(orm, 'customer_admin', tenantId)).id,
      role: 'customer_admin',
      tenantId,
    });

    it('refuses an export of a tenant that does not exist (404) and writes no row', async () => {
      const tenantId = randomUUID();
      await expect(
        requestTenantExport({ orm }, { actor: { system: 'offboarding' }, tenantId, retentionDays: 1 }),
      ).rejects.toMatchObject({ code: 'not_found', message: 'Tenant not found' });
      const rows = await inScope(orm, { system: 'test' }, (em) => em.count(TenantExport, { tenantId }));
      expect(rows).toBe(0);
    });

    it('joins a second request to the export still running, starting its workflow once', async () => {
      const tenant = await makeTenant(orm);
      const actor = await adminOf(tenant.id);
      const { workflows, starts } = workflowsThat(async ({ exportId }) => ({
        workflowId: `tenant-export-${exportId}`,
      }));
      const first = await requestTenantExport(
        { orm, workflows, exportTokenKey: tokenKey },
        { actor, tenantId: tenant.id },
      );
      await setRow(first.id, { status: 'running' });
      const second = await requestTenantExport(
        { orm, workflows, exportTokenKey: tokenKey },
        { actor, tenantId: tenant.id },
      );

      expect(second).toMatchObject({ id: first.id, status: 'running', downloadUrl: null });
      expect(starts).toEqual([{ exportId: first.id, tenantId: tenant.id }]);
      expect((await actionsOf(first.id)).map((entry) => entry.action)).toEqual(['tenant_export.requested']);
    });

    it('marks the export failed and answers 503 when its workflow cannot be started; the next request is new', async () => {
      const tenant = await makeTenant(orm);
      const actor = await adminOf(tenant.id);
      const down = workflowsThat(() => Promise.reject(new Error('Temporal is unreachable')));
      const refused = requestTenantExport({ orm, workflows: down.workflows }, { actor, tenantId: tenant.id });
      await expect(refused).rejects.toMatchObject({
        code: 'unavailable',
        message: 'The export could not be started; try again shortly',
      });
      const [attempt] = down.starts;
      expect(await rowOf(attempt!.exportId)).toMatchObject({
        status: 'failed',
        error: 'The export could not be started',
        finishedAt: expect.any(Date),
      });
      // Both may carry the same millisecond, so their order is not asserted.
      const actions = await actionsOf(attempt!.exportId);
      expect(actions).toHaveLength(2);
      expect(actions).toEqual(
        expect.arrayContaining([
          { action: 'tenant_export.requested', details: expect.any(Object) },
          { action: 'tenant_export.failed', details: { reason: 'workflow_start_failed' } },
        ]),
      );

      // A failed export is not one a new request joins.
      const up = workflowsThat(async ({ exportId }) => ({ workflowId: `tenant-export-${exportId}` }));
      const retried = await requestTenantExport({ orm, workflows: up.workflows }, { actor, tenantId: tenant.id });
      expect(retried.id).not.toBe(attempt!.exportId);
      expect(retried.status).toBe('requested');
    });

    it('keeps an export seven days when neither the request nor the deployment names a retention', async () => {
      const tenant = await makeTenant(orm);
      const view = await requestTenantExport(
        { orm, now: () => T0 },
        { actor: { system: 'offboarding' }, tenantId: tenant.id },
      );
      expect(view).toMatchObject({
        status: 'requested',
        createdAt: T0.toISOString(),
        expiresAt: new Date(T0.getTime() + 7 * DAY_MS).toISOString(),
        downloadUrl: null,
      });
      expect((await rowOf(view.id)).requestedBy).toBeNull();
    });
  });

  describe('failing a run', () => {
    it('fails a running export with its reason cut to 500 characters, deleting its pieces', async () => {
      const { tenantId, exportId } = await requested();
      await setRow(exportId, { status: 'running' });
      await onePiece(exportId, 'users.json', '[]');
      await failExportRun({ orm, audio }, { exportId, tenantId, reason: 'x'.repeat(600) });

      const row = await rowOf(exportId);
      expect(row).toMatchObject({ status: 'failed', finishedAt: expect.any(Date), downloadTokenHash: null });
      expect(row.error).toBe('x'.repeat(500));
      expect(await audio.size(exportPartKey(exportId, 'users.json', 0))).toBeNull();
      expect((await actionsOf(exportId)).find((entry) => entry.action === 'tenant_export.failed')).toEqual({
        action: 'tenant_export.failed',
        details: { reason: 'x'.repeat(500), system: 'tenant-export-worker' },
      });
    });

    it('keeps the first reason when a failed export fails again', async () => {
      const { tenantId, exportId } = await requested();
      await failExportRun({ orm, audio }, { exportId, tenantId, reason: 'first' });
      await failExportRun({ orm, audio }, { exportId, tenantId, reason: 'second' });
      expect((await rowOf(exportId)).error).toBe('first');
      expect((await actionsOf(exportId)).filter((entry) => entry.action === 'tenant_export.failed')).toHaveLength(1);
    });

    it('leaves a ready export’s link working when a late failure arrives, and ignores an unknown export', async () => {
      const { tenantId, exportId, token } = await ready(new Date());
      await failExportRun({ orm, audio }, { exportId, tenantId, reason: 'late' });
      expect(await rowOf(exportId)).toMatchObject({ status: 'ready', error: null });
      const download = await openExportDownload({ orm, audio }, { exportId, token, actor: null });
      expect(
        readZip(await bytesOf(download.body))
          .get('tenant.json')
          ?.toString(),
      ).toBe('[{"id":1}]');

      await expect(
        failExportRun({ orm, audio }, { exportId: randomUUID(), tenantId, reason: 'nobody' }),
      ).resolves.toBeUndefined();
    });
  });

  describe('assembling and marking ready', () => {
    it('joins the pieces into the archive and deletes them; a repeat after that keeps the archive', async () => {
      const { tenantId, exportId } = await requested();
      const files = [await onePiece(exportId, 'a.json', '[{"a":1}]'), await onePiece(exportId, 'b.json', '[]')];
      const first = await assembleExportArchive({ orm, audio }, { exportId, tenantId, files });
      expect(first).toEqual({ files: 2, bytes: (await audio.size(exportArchiveKey(exportId)))! });
      expect(await audio.size(exportPartKey(exportId, 'a.json', 0))).toBeNull();

      // The pieces are gone now: a repeated activity must not need them.
      const again = await assembleExportArchive({ orm, audio }, { exportId, tenantId, files });
      expect(again).toEqual(first);
      const archive = readZip(await bytesOf((await audio.read(exportArchiveKey(exportId)))!));
      expect(Object.fromEntries([...archive].map(([name, body]) => [name, body.toString()]))).toEqual({
        'a.json': '[{"a":1}]',
        'b.json': '[]',
      });
    });

    it('refuses to assemble while a table is unwritten, when a piece is missing, or for an unknown export', async () => {
      const { tenantId, exportId } = await requested();
      const written = await onePiece(exportId, 'a.json', '[]');

      await expect(
        assembleExportArchive({ orm, audio }, { exportId, tenantId, files: [{ ...written, done: false }] }),
      ).rejects.toMatchObject({ code: 'conflict', message: 'Not every table of the export is written' });
      await expect(
        assembleExportArchive({ orm, audio }, { exportId, tenantId, files: [{ ...written, parts: 2 }] }),
      ).rejects.toMatchObject({ code: 'conflict', message: 'Piece 1 of a.json is missing' });
      await expect(
        assembleExportArchive({ orm, audio }, { exportId: randomUUID(), tenantId, files: [written] }),
      ).rejects.toMatchObject({ code: 'not_found' });
      // Nothing was stored in place of the archive, and the pieces are kept for a retry.
      expect(await audio.size(exportArchiveKey(exportId))).toBeNull();
      expect(await audio.size(exportPartKey(exportId, 'a.json', 0))).toBe(written.compressedSize);
    });

    it('marks an export ready once: a repeat answers the first expiry; an unknown export is 404', async () => {
      const { tenantId, exportId, expiresAt } = await ready(T0);
      expect(expiresAt).toBe(new Date(T0.getTime() + DAY_MS).toISOString());
      const later = new Date(T0.getTime() + 3_600_000);
      const repeated = await markExportReady(
        { orm, exportTokenKey: tokenKey, now: () => later },
        { exportId, tenantId, files: 9, bytes: 9 },
      );
      expect(repeated).toEqual({ expiresAt });
      expect(await rowOf(exportId)).toMatchObject({ fileCount: 1, finishedAt: T0 });
      expect((await actionsOf(exportId)).filter((entry) => entry.action === 'tenant_export.ready')).toHaveLength(1);

      await expect(
        markExportReady({ orm, exportTokenKey: tokenKey }, { exportId: randomUUID(), tenantId, files: 1, bytes: 1 }),
      ).rejects.toMatchObject({ code: 'not_found', message: 'Tenant export not found' });
    });
  });

  describe('expiring', () => {
    it('leaves a ready export and its archive alone before its time, saying how long is left', async () => {
      const { tenantId, exportId } = await ready(T0);
      const result = await expireTenantExport(
        { orm, audio, now: () => new Date(T0.getTime() + DAY_MS - 5_000) },
        { exportId, tenantId },
      );
      expect(result).toEqual({ expired: false, remainingMs: 5_000 });
      expect((await rowOf(exportId)).status).toBe('ready');
      expect(await audio.size(exportArchiveKey(exportId))).not.toBeNull();
    });

    it('reports an expired export as expired again, and leaves a failed or unknown export alone', async () => {
      const late = () => new Date(T0.getTime() + 2 * DAY_MS);
      const done = await ready(T0);
      expect(await expireTenantExport({ orm, audio, now: late }, done)).toEqual({ expired: true, remainingMs: 0 });
      expect(await expireTenantExport({ orm, audio, now: late }, done)).toEqual({ expired: true, remainingMs: 0 });
      expect((await actionsOf(done.exportId)).filter((e) => e.action === 'tenant_export.expired')).toHaveLength(1);

      const failed = await requested();
      await failExportRun({ orm, audio }, { ...failed, reason: 'boom' });
      expect(await expireTenantExport({ orm, audio, now: late }, failed)).toEqual({ expired: false, remainingMs: 0 });
      expect((await rowOf(failed.exportId)).status).toBe('failed');
      expect(
        await expireTenantExport({ orm, audio, now: late }, { exportId: randomUUID(), tenantId: failed.tenantId }),
      ).toEqual({ expired: false, remainingMs: 0 });
    });

    it('leaves the audit to the other cleanup when two expire the export at the same moment', async () => {
      const { tenantId, exportId } = await ready(T0);
      // The other cleanup commits while this one deletes the archive, between its read and its update.
      const racing: AudioStore = {
        ...audio,
        async remove(key) {
          await audio.remove(key);
          await setRow(exportId, { status: 'expired' });
        },
      };
      const result = await expireTenantExport(
        { orm, audio: racing, now: () => new Date(T0.getTime() + 2 * DAY_MS) },
        { exportId, tenantId },
      );
      expect(result).toEqual({ expired: true, remainingMs: 0 });
      expect(await audio.size(exportArchiveKey(exportId))).toBeNull();
      expect((await actionsOf(exportId)).filter((e) => e.action === 'tenant_export.expired')).toHaveLength(0);
    });

    it('deletes the archive under its default key when the row names no storage key', async () => {
      const { tenantId, exportId } = await ready(T0);
      await setRow(exportId, { storageKey: null });
      await expireTenantExport({ orm, audio, now: () => new Date(T0.getTime() + 2 * DAY_MS) }, { exportId, tenantId });
      expect(await audio.size(exportArchiveKey(exportId))).toBeNull();
      expect((await rowOf(exportId)).status).toBe('expired');
    });
  });

  describe('downloading', () => {
    it('answers 410 when the archive is no longer in the store although the export is ready', async () => {
      const { exportId, token } = await ready(new Date());
      await audio.remove(exportArchiveKey(exportId));
      await expect(openExportDownload({ orm, audio }, { exportId, token, actor: null })).rejects.toMatchObject({
        code: 'gone',
        message: 'The archive is no longer kept; request a new export',
      });
      expect((await actionsOf(exportId)).map((entry) => entry.action)).not.toContain('tenant_export.downloaded');
    });

    it('answers 410 when the archive disappears between reading its size and opening it', async () => {
      const { exportId, token } = await ready(new Date());
      const vanishing: AudioStore = { ...audio, read: async () => null };
      await expect(
        openExportDownload({ orm, audio: vanishing }, { exportId, token, actor: null }),
      ).rejects.toMatchObject({ code: 'gone' });
      expect((await actionsOf(exportId)).map(({ action }) => action)).not.toContain('tenant_export.downloaded');
    });

    it('answers 409 to the right token while the export is not ready', async () => {
      const { exportId, token } = await ready(new Date());
      // Only a ready export has a token's hash; a row set back by hand is the one way to present it early.
      await setRow(exportId, { status: 'running' });
      await expect(openExportDownload({ orm, audio }, { exportId, token, actor: null })).rejects.toMatchObject({
        code: 'conflict',
        message: 'The export is running, not ready to download',
      });
    });

    it('serves a row without storage key or finish time from the default key, named after its creation day', async () => {
      const { tenantId, exportId, token } = await ready(new Date());
      await setRow(exportId, { storageKey: null, finishedAt: null, createdAt: new Date('2026-10-30T23:00:00Z') });
      const download = await openExportDownload({ orm, audio }, { exportId, token, actor: null });
      expect(download.fileName).toBe(`tenant-export-${tenantId.slice(0, 8)}-2026-10-30.zip`);
      expect(download.size).toBe((await audio.size(exportArchiveKey(exportId)))!);
      expect((await bytesOf(download.body)).length).toBe(download.size);
      expect((await actionsOf(exportId)).find((entry) => entry.action === 'tenant_export.downloaded')).toEqual({
        action: 'tenant_export.downloaded',
        // No session came with the link: the audit says so.
        details: { bytes: download.size, system: 'download-link' },
      });
    });
  });
});
