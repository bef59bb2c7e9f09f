// What offboarding needs of Temporal beyond its own workflow (temporal/offboarding-client.ts implements it).

export interface TenantWorkflowStops {
  /**
   * Deletes the tenant's ElevenLabs sync schedule and ends its sync and conversation runs still under way, so
   * nothing reads its key or writes its rows once they are deleted. A schedule or run already gone is no error.
   */
  stopConversationSync(tenantId: string): Promise<{ scheduleRemoved: boolean; runsEnded: number }>;
}
