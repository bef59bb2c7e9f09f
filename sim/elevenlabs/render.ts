import type { ElevenLabsAccount, ElevenLabsAgent, ElevenLabsConversation, ElevenLabsState } from './state';

// Response bodies in the API's snake_case, with every field the SDK's response schemas require.

const CHARACTER_LIMIT_BY_TIER: Record<string, number> = {
  free: 10_000,
  starter: 30_000,
  creator: 121_000,
  pro: 600_000,
  scale: 2_000_000,
  business: 11_000_000,
};

const accessInfo = (account: ElevenLabsAccount) => ({
  is_creator: true,
  creator_name: account.name,
  creator_email: `owner@${account.id.replace(/_/g, '-')}.sim`,
  role: 'admin' as const,
});

/** Credits the account's conversations used, which the subscription counts as characters. */
const creditsUsed = (state: ElevenLabsState, accountId: string) =>
  [...state.conversations.values()]
    .filter((conversation) => conversation.accountId === accountId)
    .reduce((sum, conversation) => sum + conversation.callCharge + conversation.llmCharge, 0);

export function renderSubscription(state: ElevenLabsState, account: ElevenLabsAccount) {
  const periodStart = new Date();
  const nextReset = Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, 1) / 1000;
  return {
    tier: account.tier,
    character_count: creditsUsed(state, account.id),
    character_limit: CHARACTER_LIMIT_BY_TIER[account.tier] ?? 100_000,
    max_character_limit_extension: null,
    max_credit_limit_extension: 0,
    can_extend_character_limit: true,
    allowed_to_extend_character_limit: true,
    next_character_count_reset_unix: nextReset,
    voice_slots_used: 1,
    professional_voice_slots_used: 0,
    professional_voice_slots_used_in_workspace: 0,
    voice_limit: 30,
    max_voice_add_edits: 95,
    voice_add_edit_counter: 0,
    professional_voice_limit: 1,
    can_extend_voice_limit: false,
    can_use_instant_voice_cloning: true,
    can_use_professional_voice_cloning: true,
    currency: 'usd',
    current_overage: { amount: '0', currency: 'usd' },
    status: 'active',
    billing_period: 'monthly_period',
    character_refresh_period: 'monthly_period',
    next_invoice: null,
    open_invoices: [],
    has_open_invoices: false,
  };
}

export function renderUser(state: ElevenLabsState, account: ElevenLabsAccount, keyPreview: string) {
  const {
    next_invoice: _next,
    open_invoices: _open,
    has_open_invoices: _has,
    ...subscription
  } = renderSubscription(state, account);
  return {
    user_id: account.id,
    workspace_id: account.id,
    subscription,
    is_new_user: false,
    xi_api_key_preview: keyPreview,
    is_api_key_hashed: true,
    can_use_delayed_payment_methods: false,
    is_onboarding_completed: true,
    is_onboarding_checklist_completed: true,
    first_name: account.name,
    created_at: account.createdAt,
    seat_type: 'workspace_admin',
  };
}

export function renderAgent(agent: ElevenLabsAgent, account: ElevenLabsAccount) {
  return {
    agent_id: agent.id,
    name: agent.name,
    conversation_config: {
      agent: {
        first_message: agent.firstMessage,
        language: agent.language,
        prompt: { prompt: agent.prompt, llm: 'gemini-2.0-flash' },
      },
      tts: { voice_id: agent.voiceId, model_id: 'eleven_flash_v2' },
    },
    metadata: { created_at_unix_secs: agent.createdAt, updated_at_unix_secs: agent.createdAt },
    phone_numbers: [],
    access_info: accessInfo(account),
    tags: agent.tags,
  };
}

export function renderAgentSummary(state: ElevenLabsState, agent: ElevenLabsAgent, account: ElevenLabsAccount) {
  const starts = [...state.conversations.values()]
    .filter((conversation) => conversation.agentId === agent.id)
    .map((conversation) => conversation.startUnix);
  return {
    agent_id: agent.id,
    name: agent.name,
    voice_id: agent.voiceId,
    tags: agent.tags,
    created_at_unix_secs: agent.createdAt,
    access_info: accessInfo(account),
    last_call_time_unix_secs: starts.length > 0 ? Math.max(...starts) : null,
    archived: false,
  };
}

export function renderConversationSummary(conversation: ElevenLabsConversation, agentName: string | null) {
  return {
    agent_id: conversation.agentId,
    agent_name: agentName,
    conversation_id: conversation.id,
    start_time_unix_secs: conversation.startUnix,
    call_duration_secs: conversation.durationSecs,
    message_count: conversation.transcript.length,
    status: conversation.status,
    termination_reason: conversation.terminationReason,
    call_successful: conversation.analysis?.callSuccessful ?? 'unknown',
    transcript_summary: conversation.analysis?.summary ?? null,
    call_summary_title: conversation.analysis?.title ?? null,
    main_language: conversation.mainLanguage,
    conversation_initiation_source: 'twilio',
    direction: conversation.phoneCall.direction,
    rating: null,
  };
}

function renderAnalysis(analysis: NonNullable<ElevenLabsConversation['analysis']>) {
  return {
    evaluation_criteria_results: Object.fromEntries(
      analysis.evaluations.map(({ id, result, rationale }) => [id, { criteria_id: id, result, rationale }]),
    ),
    data_collection_results: Object.fromEntries(
      analysis.dataCollection.map(({ id, value, rationale }) => [id, { data_collection_id: id, value, rationale }]),
    ),
    call_successful: analysis.callSuccessful,
    transcript_summary: analysis.summary,
    call_summary_title: analysis.title,
  };
}

/** `GET /v1/convai/conversations/:id`, which is also the `data` of a `post_call_transcription` webhook. */
export function renderConversation(conversation: ElevenLabsConversation, agentName: string | null) {
  const { phoneCall } = conversation;
  const inbound = phoneCall.direction === 'inbound';
  return {
    agent_id: conversation.agentId,
    agent_name: agentName,
    conversation_id: conversation.id,
    status: conversation.status,
    user_id: null,
    transcript: conversation.transcript.map((turn) => ({
      role: turn.role,
      message: turn.message,
      tool_calls: [],
      tool_results: [],
      feedback: null,
      time_in_call_secs: turn.timeInCallSecs,
      conversation_turn_metrics: null,
      interrupted: turn.interrupted,
    })),
    metadata: {
      start_time_unix_secs: conversation.startUnix,
      accepted_time_unix_secs: conversation.initiationFailure ? null : conversation.startUnix,
      call_duration_secs: conversation.durationSecs,
      cost: conversation.callCharge + conversation.llmCharge,
      cost_fiat: conversation.costUsd,
      deletion_settings: { deletion_time_unix_secs: null, delete_transcript_and_pii: false, delete_audio: false },
      feedback: { overall_score: null, likes: 0, dislikes: 0 },
      authorization_method: 'public',
      charging: {
        dev_discount: false,
        tier: 'creator',
        llm_price: conversation.llmPriceUsd,
        llm_charge: conversation.llmCharge,
        call_charge: conversation.callCharge,
      },
      phone_call: {
        type: 'twilio',
        direction: phoneCall.direction,
        phone_number_id: phoneCall.phoneNumberId,
        agent_number: phoneCall.agentNumber,
        external_number: phoneCall.externalNumber,
        stream_sid: phoneCall.streamSid,
        call_sid: phoneCall.callSid,
      },
      termination_reason: conversation.terminationReason,
      error: conversation.initiationFailure
        ? { code: conversation.initiationFailure.sipStatusCode, reason: conversation.initiationFailure.reason }
        : null,
      main_language: conversation.mainLanguage,
      conversation_initiation_source: 'twilio',
      text_only: false,
    },
    analysis: conversation.analysis ? renderAnalysis(conversation.analysis) : null,
    conversation_initiation_client_data: {
      conversation_config_override: {},
      custom_llm_extra_body: {},
      dynamic_variables: {
        system__agent_id: conversation.agentId,
        system__conversation_id: conversation.id,
        system__caller_id: inbound ? phoneCall.externalNumber : phoneCall.agentNumber,
        system__called_number: inbound ? phoneCall.agentNumber : phoneCall.externalNumber,
        system__call_sid: phoneCall.callSid,
        system__call_duration_secs: conversation.durationSecs,
      },
    },
    has_audio: conversation.hasAudio,
    has_user_audio: conversation.hasAudio,
    has_response_audio: conversation.hasAudio,
    has_auxiliary_audio: false,
  };
}
