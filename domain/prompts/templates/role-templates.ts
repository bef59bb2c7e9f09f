/** The two texts a bot of one role gets, in one language; both use `{{placeholder}}` (prompt-builder.ts). */
export interface PromptTemplate {
  /** The first sentence the bot says when it answers. */
  greeting: string;
  /** The system prompt of its voice agent. */
  prompt: string;
}

export type PromptLanguage = 'de' | 'en';

export type RoleTemplates = Record<PromptLanguage, PromptTemplate>;
