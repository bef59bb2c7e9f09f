import { useFetcher } from 'react-router';
import { useEffect, useRef } from 'react';

import type { TenantExportView } from '@contracts/tenant-export';
import { formatDateTime, formatNumber } from '~/lib/format';
import type { action, loader } from '~/routes/tenant-exports';

import { Badge } from './ui/badge';
import { Button } from './ui/button';
import { Card, CardBody, CardHeader } from './ui/card';

const POLL_MS = 2_000;
const STATUS_LABELS: Record<TenantExportView['status'], string> = {
  requested: 'Queued',
  running: 'Running',
  ready: 'Ready',
  failed: 'Failed',
  expired: 'Expired',
};
const STATUS_TONES = {
  requested: 'blue',
  running: 'blue',
  ready: 'green',
  failed: 'red',
  expired: 'gray',
} as const;

const sizeOf = (bytes: number | null) =>
  bytes === null ? '' : bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * "Export data": every table the organisation owns as a ZIP of JSON files, built in the background with live
 * progress, and a download link that expires. Customers see their own tenant; platform admins pass the tenant.
 */
export function TenantExportPanel({ tenantId, className }: { tenantId?: string; className?: string }) {
  const list = useFetcher<typeof loader>();
  const start = useFetcher<typeof action>();
  const source = `/tenant-exports${tenantId ? `?tenantId=${encodeURIComponent(tenantId)}` : ''}`;
  const load = useRef(list.load);
  load.current = list.load;
  useEffect(() => {
    void load.current(source);
  }, [source]);
  const exports = list.data?.exports ?? [];
  const active = exports.some((item) => item.status === 'requested' || item.status === 'running');
  // Live progress: poll while an export runs (and once right after one was started).
  useEffect(() => {
    if (!active && start.state === 'idle' && !start.data) return;
    const timer = setInterval(() => void load.current(source), POLL_MS);
    return () => clearInterval(timer);
  }, [active, source, start.state, start.data]);
  const refused = start.data && !start.data.ok ? start.data.problem : null;

  return (
    <Card className={className}>
      <CardHeader
        title="Export data"
        description="All of the organisation’s data as a ZIP of JSON files (one per table), without passwords or keys."
        actions={
          <start.Form method="post" action="/tenant-exports">
            {tenantId ? <input type="hidden" name="tenantId" value={tenantId} /> : null}
            <Button type="submit" size="sm" disabled={start.state !== 'idle' || active}>
              {active ? 'Export running…' : 'Export data'}
            </Button>
          </start.Form>
        }
      />
      <CardBody>
        {refused ? (
          <p role="alert" className="mb-3 text-sm text-rose-700">
            {refused.detail ?? refused.title}
          </p>
        ) : null}
        {list.data?.problem ? (
          <p className="text-sm text-slate-600">The exports cannot be read right now.</p>
        ) : exports.length === 0 ? (
          <p className="text-sm text-slate-500">{list.data ? 'No export yet.' : 'Loading…'}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Exports">
            {exports.map((item) => (
              <ExportRow key={item.id} item={item} />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function ExportRow({ item }: { item: TenantExportView }) {
  const percent = item.tablesTotal > 0 ? Math.round((item.tablesDone / item.tablesTotal) * 100) : 0;
  const running = item.status === 'requested' || item.status === 'running';
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-2.5">
      <div className="min-w-0">
        <p className="text-sm font-medium text-slate-900">Requested {formatDateTime(item.createdAt)}</p>
        {running ? (
          <div className="mt-1 flex items-center gap-2">
            <progress className="h-2 w-40" max={100} value={percent} aria-label="Export progress" />
            <span className="text-xs text-slate-500">
              {formatNumber(item.tablesDone)} of {formatNumber(item.tablesTotal)} tables
            </span>
          </div>
        ) : item.status === 'ready' ? (
          <p className="text-xs text-slate-500">
            {formatNumber(item.files)} files, {sizeOf(item.bytes)} · link valid until {formatDateTime(item.expiresAt)}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <Badge tone={STATUS_TONES[item.status]} pulse={running}>
          {STATUS_LABELS[item.status]}
        </Badge>
        {item.downloadUrl ? (
          <a className="text-sm font-medium text-indigo-700 hover:underline" href={item.downloadUrl} download>
            Download ZIP
          </a>
        ) : null}
      </div>
    </li>
  );
}
