// Where a sealed value lives, bound into its ciphertext (AAD): a value copied to another row does not open there.
export const apiKeyContext = (integrationId: string) => `integration:${integrationId}:api_key`;
export const webhookSecretContext = (integrationId: string) => `integration:${integrationId}:webhook_secret`;
