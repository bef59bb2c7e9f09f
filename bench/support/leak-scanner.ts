/** What identifies one tenant in a response: its ids (tenant, users, bots, invoices, tickets, calls…) and texts. */
export interface TenantMarkers {
  key: string;
  ids: Iterable<string>;
  /** Slug, name, the domain of its users' emails, contact email: matched case-insensitively as substrings. */
  texts: readonly string[];
}

export interface Leak {
  /** The tenant whose user received the response. */
  reader: string;
  /** The tenant the foreign marker belongs to. */
  owner: string;
  marker: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Finds other tenants' markers in a response body: every UUID in the body is looked up among all tenants' known
 * ids (one map, so thousands of ids cost one regex pass), and every other tenant's texts are searched for.
 * Ids created during a run (a new ticket) are added with `addId` as they come back.
 */
export function createLeakScanner(tenants: readonly TenantMarkers[]) {
  const ownerOfId = new Map<string, string>();
  for (const tenant of tenants) for (const id of tenant.ids) ownerOfId.set(id.toLowerCase(), tenant.key);
  const texts = tenants.map((tenant) => ({
    key: tenant.key,
    texts: tenant.texts.filter((text) => text.length > 0).map((text) => text.toLowerCase()),
  }));
  return {
    addId(owner: string, id: string): void {
      ownerOfId.set(id.toLowerCase(), owner);
    },
    /** Markers of tenants other than `reader` found in `body`; empty when the body is clean. */
    scan(reader: string, body: string): Leak[] {
      if (body.length === 0) return [];
      const leaks: Leak[] = [];
      for (const match of body.matchAll(UUID)) {
        const owner = ownerOfId.get(match[0].toLowerCase());
        if (owner !== undefined && owner !== reader) leaks.push({ reader, owner, marker: match[0] });
      }
      const lower = body.toLowerCase();
      for (const tenant of texts) {
        if (tenant.key === reader) continue;
        for (const text of tenant.texts)
          if (lower.includes(text)) leaks.push({ reader, owner: tenant.key, marker: text });
      }
      return leaks;
    },
  };
}

export type LeakScanner = ReturnType<typeof createLeakScanner>;
