import type { TranscriptTurnView } from '@contracts/call-logs';
import { formatClock } from '~/lib/call-format';

const SPEAKERS = { agent: 'Agent', user: 'Caller' } as const;

/** The transcript as a conversation: the agent's turns on the left, the caller's on the right, each with its time. */
export function Transcript({ turns, agentName }: { turns: TranscriptTurnView[]; agentName: string | null }) {
  if (turns.length === 0) {
    return <p className="px-4 py-8 text-center text-sm text-slate-500 sm:px-5">No one spoke in this call.</p>;
  }
  return (
    <ol aria-label="Transcript" className="space-y-3 px-4 py-4 sm:px-5">
      {turns.map((turn, index) => {
        const agent = turn.speaker === 'agent';
        const who = agent ? (agentName ?? SPEAKERS.agent) : SPEAKERS.user;
        return (
          <li
            key={index}
            data-speaker={turn.speaker}
            className={`flex flex-col ${agent ? 'items-start' : 'items-end'}`}
          >
            <p className="mb-1 text-xs text-slate-500">
              <span className="font-medium text-slate-700">{who}</span> ·{' '}
              <time dateTime={`PT${turn.atSeconds}S`} className="tabular-nums">
                {formatClock(turn.atSeconds)}
              </time>
              {turn.interrupted ? <span className="ml-1 text-amber-700">· interrupted</span> : null}
            </p>
            <p
              className={`max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-4 py-2 text-sm sm:max-w-[70%] ${
                agent ? 'rounded-tl-sm bg-indigo-50 text-indigo-950' : 'rounded-tr-sm bg-slate-100 text-slate-900'
              }`}
            >
              {turn.text}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
