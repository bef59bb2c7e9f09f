import { createAccount, createAgent, createElevenLabsState, createKey, type ElevenLabsState } from './state';

/**
 * Two workspaces that exist from start-up (and again after a reset), so `npm run dev` has keys to paste into the
 * integrations page. The keys are public (in this repository); tests create accounts of their own.
 */
export const SEEDED_ELEVENLABS = {
  workspaceA: {
    accountId: 'acct_simulated_workspace_a',
    key: 'sk_simulator_workspace_a_full_access',
    /** Lacks `user_read`, as keys restricted to the Agents platform do. */
    restrictedKey: 'sk_simulator_workspace_a_agents_only',
    agentIds: ['agent_simulated_a_reception', 'agent_simulated_a_bookings'],
  },
  workspaceB: {
    accountId: 'acct_simulated_workspace_b',
    key: 'sk_simulator_workspace_b_full_access',
    restrictedKey: 'sk_simulator_workspace_b_agents_only',
    agentIds: ['agent_simulated_b_support'],
  },
} as const;

const AGENT_NAMES: Record<string, string> = {
  agent_simulated_a_reception: 'Reception',
  agent_simulated_a_bookings: 'Bookings',
  agent_simulated_b_support: 'Support line',
};

export function seededElevenLabsState(): ElevenLabsState {
  const state = createElevenLabsState();
  for (const [label, seeded] of Object.entries(SEEDED_ELEVENLABS)) {
    createAccount(state, { id: seeded.accountId, name: `Simulated ${label}` });
    createKey(state, seeded.accountId, { key: seeded.key });
    createKey(state, seeded.accountId, { key: seeded.restrictedKey, permissions: ['convai_read'] });
    for (const id of seeded.agentIds) createAgent(state, seeded.accountId, { id, name: AGENT_NAMES[id] });
  }
  return state;
}
