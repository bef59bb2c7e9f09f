import { subdomainSlug, TENANT_SLUG_HEADER, tenantSlugOrNull } from '../../contracts/branding';
import { AppError } from '../errors/app-error';

/**
 * Which tenant a request says it is about (seed 003 S6.2): the subdomain of `<slug>.<baseDomain>` and/or the
 * `X-Tenant-Slug` header. Null when neither names one. A malformed header, or a header and a subdomain naming
 * different tenants, is a bad request. The hint only ever narrows what a session may see (api/plugins/tenant-hint.ts).
 */
export function resolveTenantHint(input: {
  host: string | undefined;
  header: string | string[] | undefined;
  baseDomain: string | undefined;
}): string | null {
  const fromHost = subdomainSlug(input.host, input.baseDomain);
  if (Array.isArray(input.header)) throw badHeader('is sent more than once');
  const fromHeader = tenantSlugOrNull(input.header);
  if (!fromHeader && input.header?.trim()) throw badHeader('is not a tenant slug');
  if (fromHost && fromHeader && fromHost !== fromHeader) {
    throw badHeader(`names another tenant than the host (${fromHost})`);
  }
  return fromHeader ?? fromHost;
}

const badHeader = (message: string) =>
  new AppError('bad_request', `The ${TENANT_SLUG_HEADER} header ${message}`, {
    errors: [{ path: `headers.${TENANT_SLUG_HEADER}`, message }],
  });
