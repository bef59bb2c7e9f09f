import type { Role } from './api-types';

/**
 * What each role may see and do in the web app. The API enforces the same rules (domain/auth/permissions.ts);
 * this only decides which links, pages and buttons appear.
 */
export const STAFF_ROLES: readonly Role[] = ['platform_admin', 'support'];
export const CUSTOMER_ROLES: readonly Role[] = ['customer_admin', 'customer_user'];

export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);

/** Where a user lands after signing in. */
export const homeFor = (role: Role): string => (isStaff(role) ? '/admin' : '/app');

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'Platform admin',
  support: 'Support',
  customer_admin: 'Admin',
  customer_user: 'Member',
};

export const may = {
  /** Create tenants and bots; retry, cancel, rotate, delete. */
  manageBots: (role: Role) => role === 'platform_admin',
  createTenants: (role: Role) => role === 'platform_admin',
  /** Greeting, language and voice of a bot. */
  configureBots: (role: Role) => role === 'platform_admin' || role === 'customer_admin',
  manageUsers: (role: Role) => role === 'platform_admin' || role === 'customer_admin',
  /** Reply to and triage any tenant's tickets. */
  triageTickets: (role: Role) => isStaff(role),
  /** Deliver a failed inbound webhook again. */
  replayWebhooks: (role: Role) => role === 'platform_admin',
};

export interface NavItem {
  to: string;
  label: string;
  icon: NavIcon;
  /** Only exact matches highlight (for the portal's home). */
  end?: boolean;
}

export type NavIcon = 'home' | 'tenants' | 'bots' | 'jobs' | 'webhooks' | 'usage' | 'support' | 'invoices' | 'users';

export function navFor(role: Role): NavItem[] {
  if (isStaff(role)) {
    return [
      { to: '/admin', label: 'Overview', icon: 'home', end: true },
      { to: '/admin/tenants', label: 'Tenants', icon: 'tenants' },
      { to: '/admin/bots', label: 'Bots', icon: 'bots' },
      { to: '/admin/jobs', label: 'Provisioning jobs', icon: 'jobs' },
      { to: '/admin/webhooks', label: 'Webhooks', icon: 'webhooks' },
      { to: '/admin/usage', label: 'Usage', icon: 'usage' },
      { to: '/admin/support', label: 'Support inbox', icon: 'support' },
    ];
  }
  return [
    { to: '/app', label: 'Dashboard', icon: 'home', end: true },
    { to: '/app/bots', label: 'Bots', icon: 'bots' },
    { to: '/app/invoices', label: 'Invoices', icon: 'invoices' },
    ...(role === 'customer_admin' ? [{ to: '/app/users', label: 'Users', icon: 'users' as const }] : []),
    { to: '/app/support', label: 'Support', icon: 'support' },
  ];
}
