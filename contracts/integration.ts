/** A tenant's own provider keys (bring your own key). */
export const INTEGRATION_PROVIDERS = ['elevenlabs', 'openai', 'google'] as const;
export type IntegrationProvider = (typeof INTEGRATION_PROVIDERS)[number];

export const INTEGRATION_STATUSES = ['unverified', 'active', 'error'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];
