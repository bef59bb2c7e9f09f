/** What the session use cases need to know about tokens; built once from the environment. */
export interface AuthSettings {
  tokenKey: Uint8Array;
  accessTtlMinutes: number;
  refreshTtlDays: number;
}
