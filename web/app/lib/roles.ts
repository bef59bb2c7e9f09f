import { can } from '@contracts/grants';
import { isPlatformRole, type Role } from '@contracts/roles';

/**
 * How the web app presents roles: labels, home page, navigation. What a role may do comes from the grants table in
 * contracts/grants.ts (`can(role, 'bots:manage')`), the one the API enforces.
 */

/** Where a user lands after signing in. */
export const homeFor = (role: Role): string => (isPlatformRole(role) ? '/admin' : '/app');

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'Platform admin',
  support: 'Support',
  customer_admin: 'Admin',
  customer_user: 'Member',
};

export interface NavItem {
  to: string;
  label: string;
  icon: NavIcon;
  /** Only exact matches highlight (for the portal's home). */
  end?: boolean;
}

export type NavIcon =
  | 'home'
  | 'tenants'
  | 'bots'
  | 'jobs'
  | 'webhooks'
  | 'usage'
  | 'support'
  | 'invoices'
  | 'billing'
  | 'users'
  | 'agents'
  | 'integrations'
  | 'calls'
  | 'analytics'
  | 'branding';

export function navFor(role: Role): NavItem[] {
  if (isPlatformRole(role)) {
    return [
      { to: '/admin', label: 'Overview', icon: 'home', end: true },
      { to: '/admin/tenants', label: 'Tenants', icon: 'tenants' },
      { to: '/admin/bots', label: 'Bots', icon: 'bots' },
      { to: '/admin/jobs', label: 'Provisioning jobs', icon: 'jobs' },
      { to: '/admin/webhooks', label: 'Webhooks', icon: 'webhooks' },
      { to: '/admin/usage', label: 'Usage', icon: 'usage' },
      { to: '/admin/platform', label: 'Platform stats', icon: 'analytics' },
      { to: '/admin/billing', label: 'Billing', icon: 'billing' },
      { to: '/admin/support', label: 'Support inbox', icon: 'support' },
    ];
  }
  return [
    { to: '/app', label: 'Dashboard', icon: 'home', end: true },
    { to: '/app/bots', label: 'Bots', icon: 'bots' },
    { to: '/app/agents', label: 'Agents', icon: 'agents' },
    { to: '/app/calls', label: 'Calls', icon: 'calls' },
    { to: '/app/analytics', label: 'Analytics', icon: 'analytics' },
    { to: '/app/invoices', label: 'Invoices', icon: 'invoices' },
    { to: '/app/billing', label: 'Billing', icon: 'billing' },
    ...(can(role, 'integrations:read')
      ? [{ to: '/app/integrations', label: 'Integrations', icon: 'integrations' as const }]
      : []),
    ...(can(role, 'prompts:read') ? [{ to: '/app/prompt', label: 'Bot prompt', icon: 'bots' as const }] : []),
    ...(can(role, 'users:manage') ? [{ to: '/app/users', label: 'Users', icon: 'users' as const }] : []),
    ...(can(role, 'tenants:export') ? [{ to: '/app/data', label: 'Export data', icon: 'invoices' as const }] : []),
    ...(can(role, 'branding:manage') ? [{ to: '/app/branding', label: 'Branding', icon: 'branding' as const }] : []),
    { to: '/app/support', label: 'Support', icon: 'support' },
  ];
}
