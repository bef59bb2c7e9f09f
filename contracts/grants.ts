import type { Role } from './roles';

/**
 * Which roles may do what. The API enforces it (domain/auth/permissions.ts); the web app asks the same table which
 * links and buttons to show.
 */
const GRANTS = {
  'tenants:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tenants:create': ['platform_admin'],
  /** Deactivate (suspend) and reactivate a tenant. */
  'tenants:lifecycle': ['platform_admin'],
  /** Offboard a tenant (export, release everything at providers, hard delete) and follow its run. */
  'tenants:offboard': ['platform_admin'],
  /** Resend the verification email or confirm a tenant's address by hand. */
  'tenants:verify': ['platform_admin'],
  /** Export all of a tenant's data as a ZIP (GDPR Art. 15/20): platform admins any tenant, customer admins their own. */
  'tenants:export': ['platform_admin', 'customer_admin'],
  'users:read': ['platform_admin', 'support', 'customer_admin'],
  'users:manage': ['platform_admin', 'customer_admin'],
  'bots:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** How a bot sounds: greeting, language, voice. */
  'bots:configure': ['platform_admin', 'customer_admin'],
  /** Create, retry, cancel, rotate the number of and delete bots. */
  'bots:manage': ['platform_admin'],
  'jobs:read': ['platform_admin', 'support'],
  /** The inbound-webhook inbox of every tenant (decision 008). */
  'webhooks:read': ['platform_admin', 'support'],
  /** Put a failed or delivered inbound webhook back to pending so the relay delivers it again. */
  'webhooks:replay': ['platform_admin'],
  'usage:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tickets:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tickets:create': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tickets:close': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** Reply to and triage any tenant's tickets. */
  'tickets:manage': ['platform_admin', 'support'],
  'invoices:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** Start a period's invoice run on Stripe, for one tenant or all. */
  'invoices:run': ['platform_admin'],
  /** The price list: plans with their fees, features, limits and usage prices. */
  'plans:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** A tenant's subscription: plan, status, usage against each limit, the invoice estimate so far. */
  'billing:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** Move a tenant to another plan. */
  'plans:change': ['platform_admin'],
  /** Upgrade through Stripe Checkout and open the Stripe customer portal: the tenant's own admin only. */
  'billing:manage': ['customer_admin'],
  /** Every tenant's billing at once: invoice runs, invoices with CSV export, past-due tenants, plan changes. */
  'billing:overview': ['platform_admin', 'support'],
  /** A tenant's bring-your-own-key integrations: status, key hint, webhook URL, sync state (never the key). */
  'integrations:read': ['platform_admin', 'support', 'customer_admin'],
  /** Whether each integration (ElevenLabs, Twilio, Stripe, mail) is configured and reachable, and why not. */
  'integrations:health': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** Save, test and remove the tenant's own provider keys; start a sync. */
  'integrations:manage': ['customer_admin'],
  /** Monitored ElevenLabs agents with their call statistics. */
  'agents:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** Register and remove monitored agents. */
  'agents:manage': ['customer_admin'],
  /** Call history: transcripts, recordings, analytics. */
  'calls:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** A tenant's white-label branding (title, colour, logo, favicon); the portal applies it for everyone. */
  'branding:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  /** Change the branding (the plan must include white label). */
  'branding:manage': ['customer_admin'],
  /** Statistics across every tenant. */
  'platform:stats': ['platform_admin', 'support'],
  /** A tenant's prompt settings (business and agent names, texts) and the prompts built from them. */
  'prompts:read': ['platform_admin', 'support', 'customer_admin'],
  /** Change them; the tenant's bots are given the new prompt. */
  'prompts:configure': ['platform_admin', 'support', 'customer_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export const can = (role: Role, permission: Permission): boolean =>
  (GRANTS[permission] as readonly Role[]).includes(role);
