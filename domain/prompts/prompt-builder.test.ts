import { buildPrompt, PromptTemplateError } from './prompt-builder';

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof PromptTemplateError) return { problem: error.problem, placeholder: error.placeholder };
    throw error;
  }
  throw new Error('expected a PromptTemplateError');
};

describe('buildPrompt', () => {
  it('replaces every placeholder, spaces inside the braces allowed', () => {
    expect(
      buildPrompt('Hallo von {{businessName}}, hier ist {{ agentName }}.', { businessName: 'A', agentName: 'B' }),
    ).toBe('Hallo von A, hier ist B.');
  });

  it('never expands braces that come with a value', () => {
    expect(buildPrompt('{{a}} and {{b}}', { a: '{{b}}', b: 'x' })).toBe('{{b}} and x');
  });

  it('refuses a placeholder outside the vocabulary, naming it', () => {
    expect(problemOf(() => buildPrompt('Hi {{studioName}}', { businessName: 'A' }))).toEqual({
      problem: 'unknown',
      placeholder: 'studioName',
    });
  });

  it('refuses a known placeholder without a value, naming it', () => {
    expect(
      problemOf(() => buildPrompt('Hi {{agentName}}', { businessName: 'A' }, ['businessName', 'agentName'])),
    ).toEqual({ problem: 'missing', placeholder: 'agentName' });
  });

  it('refuses malformed placeholders instead of leaving them in the text', () => {
    expect(problemOf(() => buildPrompt('Hi {{business name}}', { businessName: 'A' })).problem).toBe('malformed');
    expect(problemOf(() => buildPrompt('Hi {{businessName}', { businessName: 'A' })).problem).toBe('malformed');
    expect(problemOf(() => buildPrompt('Hi {{}}', { businessName: 'A' })).problem).toBe('malformed');
  });

  it('takes text without placeholders as it is', () => {
    expect(buildPrompt('Just { a brace } here.', {})).toBe('Just { a brace } here.');
  });
});
