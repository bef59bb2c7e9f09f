import type { ScopedEm } from '../../db/scope';

/** One file of the archive: one table's rows of one tenant, read in keyset order. */
export interface ExportTable {
  /** The file in the archive (`users.json`); also how the workflow names the table. */
  file: string;
  table: string;
  /** The column naming the tenant: `tenant_id`, or `id` for the tenant's own row. */
  tenantColumn: 'tenant_id' | 'id';
  /** A unique, ordered expression the pages follow, and its type. */
  key: string;
  keyType: 'uuid' | 'text';
  /** Columns never exported beyond the ones SECRET_COLUMN refuses everywhere. */
  omit?: readonly string[];
  /** Exported only where the table exists (settings other features add). */
  optional?: boolean;
}

/**
 * Never exported, in any table, present or future: password hashes, sealed keys and secrets, webhook and
 * refresh tokens and their hints. An export is handed to people outside the platform's trust boundary.
 */
export const SECRET_COLUMN = /password|secret|token|cipher|_hash$|api_key|private_key/i;

const byId = (file: string, table: string, omit?: readonly string[]): ExportTable => ({
  file,
  table,
  tenantColumn: 'tenant_id',
  key: 'id',
  keyType: 'uuid',
  omit,
});
const perTenant = (file: string, table: string, optional = false): ExportTable => ({
  file,
  table,
  tenantColumn: 'tenant_id',
  key: 'tenant_id',
  keyType: 'uuid',
  optional,
});

/**
 * Everything a tenant owns, one file per table. Left out on purpose: sessions, email verifications and the mail
 * outbox (tokens and links), the webhook inbox (providers' raw deliveries, whose content the call logs carry),
 * provisioning jobs (platform machinery) and the tenant's exports themselves.
 */
export const EXPORT_TABLES: readonly ExportTable[] = [
  { file: 'tenant.json', table: 'tenants', tenantColumn: 'id', key: 'id', keyType: 'uuid' },
  perTenant('settings.json', 'tenant_settings'),
  perTenant('prompt-config.json', 'prompt_configs', true),
  perTenant('branding.json', 'tenant_branding', true),
  perTenant('mail-sender.json', 'mail_senders', true),
  byId('users.json', 'users'),
  byId('bots.json', 'bots'),
  byId('subscriptions.json', 'subscriptions'),
  byId('billing-accounts.json', 'billing_accounts'),
  byId('invoices.json', 'invoices'),
  byId('invoice-lines.json', 'invoice_lines'),
  byId('usage-events.json', 'usage_events'),
  {
    file: 'usage-daily.json',
    table: 'usage_daily',
    tenantColumn: 'tenant_id',
    key: `(day::text || '/' || bot_id::text || '/' || kind)`,
    keyType: 'text',
  },
  byId('support-tickets.json', 'support_tickets'),
  byId('support-ticket-messages.json', 'support_ticket_messages'),
  // Only non-secret metadata: status, hints are dropped too (SECRET_COLUMN), never a sealed key.
  byId('integrations.json', 'integrations'),
  byId('agents.json', 'agents'),
  // Transcripts and analysis, not the recordings (the store's key is internal).
  byId('call-logs.json', 'call_logs', ['audio_key', 'audio_url']),
  byId('audit-log.json', 'audit_log'),
];

export const exportTableOf = (file: string): ExportTable => {
  const table = EXPORT_TABLES.find((candidate) => candidate.file === file);
  if (!table) throw new Error(`No export table writes ${file}`);
  return table;
};

/** The tables this database has (optional ones appear as their features are migrated), in export order. */
export async function planExportTables(em: ScopedEm): Promise<string[]> {
  const names = EXPORT_TABLES.map((table) => table.table);
  const rows = await em.execute<Array<{ table_name: string }>>(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_name in (${names.map(() => '?').join(', ')})`,
    names,
  );
  const present = new Set(rows.map((row) => row.table_name));
  return EXPORT_TABLES.filter((table) => !table.optional || present.has(table.table)).map((table) => table.file);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The columns exported of a table: all of them except secrets and the table's own omissions. */
export async function exportedColumns(em: ScopedEm, table: ExportTable): Promise<string[]> {
  const rows = await em.execute<Array<{ column_name: string }>>(
    `select column_name from information_schema.columns
     where table_schema = current_schema() and table_name = ? order by ordinal_position`,
    [table.table],
  );
  return rows
    .map((row) => row.column_name)
    .filter((name) => IDENTIFIER.test(name) && !SECRET_COLUMN.test(name) && !table.omit?.includes(name));
}

/** JSON for one row: bytes (logos) as base64, everything else as the driver reads it. */
const jsonValue = (value: unknown): unknown => (Buffer.isBuffer(value) ? value.toString('base64') : value);

/**
 * One page of a table's rows of one tenant after `after` (keyset), and the key to continue from, or null when
 * this was the last page. The caller's scope is the tenant's, so row-level security filters it too.
 */
export async function readExportPage(
  em: ScopedEm,
  table: ExportTable,
  input: { tenantId: string; after: string | null; limit: number },
): Promise<{ rows: Array<Record<string, unknown>>; next: string | null }> {
  const columns = await exportedColumns(em, table);
  if (!IDENTIFIER.test(table.table)) throw new Error(`Not a table name: ${table.table}`);
  const params: unknown[] = [input.tenantId];
  let where = `"${table.tenantColumn}" = ?::uuid`;
  if (input.after !== null) {
    where += ` and ${table.key} > ?::${table.keyType}`;
    params.push(input.after);
  }
  params.push(input.limit + 1);
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select ${columns.map((name) => `"${name}"`).join(', ')}, ${table.key}::text as "__export_key"
     from "${table.table}" where ${where} order by ${table.key} limit ?`,
    params,
  );
  const page = rows.slice(0, input.limit);
  const next = rows.length > input.limit ? String(page[page.length - 1]!.__export_key) : null;
  return {
    rows: page.map(({ __export_key: _key, ...row }) =>
      Object.fromEntries(Object.entries(row).map(([name, value]) => [name, jsonValue(value)])),
    ),
    next,
  };
}
