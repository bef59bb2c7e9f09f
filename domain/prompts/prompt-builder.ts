/**
 * Fills a prompt template: every `{{name}}` is replaced by the value of that name, in one pass (a value that
 * itself contains braces is text, never expanded again). A template naming a placeholder outside the vocabulary,
 * one without a value, or a malformed one is refused with a `PromptTemplateError` naming it, so a typo never
 * reaches a caller as literal text.
 */

export type PromptTemplateProblem = 'unknown' | 'missing' | 'malformed';

export class PromptTemplateError extends Error {
  constructor(
    readonly problem: PromptTemplateProblem,
    readonly placeholder: string,
  ) {
    super(
      problem === 'unknown'
        ? `Unknown placeholder {{${placeholder}}}`
        : problem === 'missing'
          ? `No value for placeholder {{${placeholder}}}`
          : `Malformed placeholder near "${placeholder}"`,
    );
    this.name = 'PromptTemplateError';
  }
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

export function buildPrompt(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  vocabulary: readonly string[] = Object.keys(values),
): string {
  const built = template.replace(PLACEHOLDER, (_match, raw: string) => {
    const name = raw.trim();
    if (!NAME.test(name)) throw new PromptTemplateError('malformed', `{{${raw}}}`);
    if (!vocabulary.includes(name)) throw new PromptTemplateError('unknown', name);
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new PromptTemplateError('missing', name);
    return value;
  });
  // Braces left over after the pass belong to no placeholder: `{{name}` or `{name}}` in the template.
  const rest = template.replace(PLACEHOLDER, '');
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray) throw new PromptTemplateError('malformed', rest.slice(Math.max(0, stray.index - 10), stray.index + 12));
  return built;
}
