import { createHash, randomBytes } from 'node:crypto';
import {
  elevenLabsId,
  type CallOutcome,
  type ElevenLabsAgent,
  type ElevenLabsConversation,
  type InitiationFailureReason,
  type TranscriptTurn,
} from './state';

export type Random = () => number;

/** A small seeded generator (mulberry32): the same seed plays the same conversations. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

const TOPICS = [
  {
    title: 'Appointment booking',
    lines: [
      'Hi, I would like to book an appointment for next week.',
      'Of course. Which day suits you best?',
      'Tuesday afternoon, if possible.',
      'I have Tuesday at three o’clock. Shall I book that for you?',
      'Yes, please. My name is {name}.',
      'Done, {name}: Tuesday at three. You will get a confirmation by text message.',
    ],
  },
  {
    title: 'Opening hours',
    lines: [
      'Hello, when are you open on Saturdays?',
      'On Saturdays we are open from nine to one.',
      'And on public holidays?',
      'We are closed on public holidays.',
    ],
  },
  {
    title: 'Cancellation request',
    lines: [
      'I need to cancel my appointment tomorrow.',
      'I can help with that. May I have your name?',
      'It is {name}.',
      'Thank you, {name}. Your appointment tomorrow is cancelled.',
    ],
  },
  {
    title: 'Price enquiry',
    lines: [
      'How much does a first consultation cost?',
      'A first consultation is sixty euros and takes about half an hour.',
      'Can I pay by card?',
      'Yes, cards and cash are both fine.',
    ],
  },
] as const;

const NAMES = ['Anna Berger', 'Lukas Huber', 'Sofia Rossi', 'Jonas Wagner', 'Mia Novak', 'Elias Gruber'];
const ENDED_WELL = ['end_call tool was called.', 'Call ended by remote party'];
const ENDED_BADLY = ['Client disconnected: 1000', 'Call ended by remote party', 'Maximum duration exceeded'];
const SIP_STATUS: Record<InitiationFailureReason, number> = { busy: 486, 'no-answer': 480, unknown: 503 };

/** The agent's phone number, stable per agent (+1 415 555 xxxx). */
const agentNumber = (agentId: string) =>
  `+1415555${(parseInt(createHash('sha256').update(agentId).digest('hex').slice(0, 6), 16) % 10_000).toString().padStart(4, '0')}`;

function transcriptOf(random: Random, agent: ElevenLabsAgent, durationSecs: number, name: string) {
  const topic = pick(random, TOPICS);
  const lines = [agent.firstMessage, ...topic.lines.map((line) => line.replaceAll('{name}', name))];
  // Turns spread over the call, each a little after the previous one; the agent opens.
  const step = durationSecs / lines.length;
  const transcript: TranscriptTurn[] = lines.map((message, index) => ({
    role: index % 2 === 0 ? 'agent' : 'user',
    message,
    timeInCallSecs: index === 0 ? 0 : Math.min(durationSecs - 1, Math.round(index * step + random() * step * 0.5)),
    interrupted: random() < 0.05,
  }));
  return { transcript, title: topic.title };
}

export interface ScriptOptions {
  startUnix: number;
  initiationFailure: boolean;
  successful: boolean;
}

/** One conversation's content: a call that was answered and analysed, or one that never connected. */
export function scriptConversation(
  random: Random,
  agent: ElevenLabsAgent,
  options: ScriptOptions,
): ElevenLabsConversation {
  const base = {
    id: elevenLabsId('conv'),
    accountId: agent.accountId,
    agentId: agent.id,
    startUnix: options.startUnix,
    mainLanguage: agent.language,
    llmPriceUsd: 0,
    costUsd: 0,
  };
  const phoneCall = (direction: 'inbound' | 'outbound') => ({
    direction,
    phoneNumberId: `phnum_${agent.id.slice('agent_'.length)}`,
    agentNumber: agentNumber(agent.id),
    externalNumber: `+43664${digits(random, 7)}`,
    callSid: `CA${randomBytes(16).toString('hex')}`,
    streamSid: `MZ${randomBytes(16).toString('hex')}`,
  });

  if (options.initiationFailure) {
    const reason = pick(random, ['busy', 'no-answer', 'unknown'] as const);
    return {
      ...base,
      status: 'failed',
      durationSecs: 0,
      transcript: [],
      analysis: null,
      terminationReason: `Call initiation failed: ${reason}`,
      callCharge: 0,
      llmCharge: 0,
      phoneCall: phoneCall('outbound'),
      initiationFailure: { reason, sipStatusCode: SIP_STATUS[reason] },
      hasAudio: false,
    };
  }

  // Mostly short calls, some long ones: 15 s to about 10 min.
  const durationSecs = 15 + Math.round(random() ** 2 * 585);
  const name = pick(random, NAMES);
  const { transcript, title } = transcriptOf(random, agent, durationSecs, name);
  const outcome: CallOutcome = options.successful ? 'success' : 'failure';
  return {
    ...base,
    status: 'done',
    durationSecs,
    transcript,
    analysis: {
      callSuccessful: outcome,
      title,
      summary: `${name} called about: ${title.toLowerCase()}. ${
        options.successful ? 'The agent resolved the request.' : 'The request was left unresolved.'
      }`,
      evaluations: [
        { id: 'resolved_request', result: outcome, rationale: 'Whether the caller got what they asked for.' },
        { id: 'polite', result: 'success', rationale: 'The agent stayed courteous throughout.' },
      ],
      dataCollection: [
        { id: 'caller_name', value: name, rationale: 'The caller gave their name.' },
        { id: 'wants_appointment', value: title === 'Appointment booking', rationale: 'Asked for an appointment.' },
      ],
    },
    terminationReason: pick(random, options.successful ? ENDED_WELL : ENDED_BADLY),
    callCharge: Math.round(durationSecs * 12.5),
    llmCharge: Math.round(durationSecs * 0.8),
    llmPriceUsd: Math.round(durationSecs * 120) / 1_000_000,
    // About $0.09 a minute, as ElevenLabs' agents are priced, plus the LLM.
    costUsd: Math.round(durationSecs * 1_620) / 1_000_000,
    phoneCall: phoneCall(random() < 0.8 ? 'inbound' : 'outbound'),
    initiationFailure: null,
    hasAudio: true,
  };
}
