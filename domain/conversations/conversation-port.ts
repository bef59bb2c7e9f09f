import type { ConversationEvent, ConversationStart } from './conversation-event';

/** How post-call webhooks (through the inbox relay) and the periodic sync reach a conversation's workflow. */
export interface ConversationWorkflows {
  /**
   * Starts `conversation-<id>` if it is not running and delivers the event. A conversation whose workflow has
   * finished starts a new run, which merges into the call log already written. Safe to repeat.
   */
  deliver(start: ConversationStart, event: ConversationEvent): Promise<void>;
}
