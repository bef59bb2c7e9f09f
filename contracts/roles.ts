export const ROLES = ['platform_admin', 'support', 'customer_admin', 'customer_user'] as const;
export type Role = (typeof ROLES)[number];

export const PLATFORM_ROLES: readonly Role[] = ['platform_admin', 'support'];
export const CUSTOMER_ROLES: readonly Role[] = ['customer_admin', 'customer_user'];

export const isPlatformRole = (role: Role): boolean => PLATFORM_ROLES.includes(role);
