import { BOT_ROLES } from '../../contracts/bot-role';
import { PROMPT_LOCALES, PromptSettings } from '../../contracts/prompt-config';
import { buildBotPrompt, promptConfigVars } from './build-bot-prompt';
import { defaultPromptSettings } from './prompt-defaults';
import { PROMPT_PLACEHOLDERS } from './prompt-values';
import { TEMPLATES_BY_ROLE } from './templates';

const tenantA = PromptSettings.parse({
  businessName: 'Alpenblick Fitness Innsbruck',
  businessShortName: 'Alpenblick',
  agentName: 'Lina',
  locale: 'de-AT',
  timeZone: 'Europe/Vienna',
  emergencyNumber: '144',
  pricesText: 'Basis: 39 Euro im Monat.',
});
const tenantB = PromptSettings.parse({
  businessName: 'Harbour Yoga Studio Ltd',
  businessShortName: 'Harbour Yoga',
  agentName: 'Sam',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  emergencyNumber: '999',
  disclaimer: 'I am not a doctor.',
});

describe('buildBotPrompt', () => {
  it.each(BOT_ROLES)('gives each tenant its own names and none of the other tenant’s (%s)', (role) => {
    const a = buildBotPrompt(tenantA, role);
    const b = buildBotPrompt(tenantB, role);
    expect(a.greeting).toContain('Alpenblick Fitness Innsbruck');
    expect(a.greeting).toContain('Lina');
    expect(a.prompt).toContain('144');
    expect(b.greeting).toContain('Harbour Yoga Studio Ltd');
    expect(b.prompt).toContain('999');
    expect(b.prompt).toContain('I am not a doctor.');
    for (const text of [a.greeting, a.prompt]) expect(text).not.toMatch(/Harbour|Sam\b|999/);
    for (const text of [b.greeting, b.prompt]) expect(text).not.toMatch(/Alpenblick|Lina|144/);
  });

  it('writes in the tenant’s language', () => {
    expect(buildBotPrompt(tenantA, 'receptionist').greeting).toMatch(/^Guten Tag/);
    expect(buildBotPrompt(tenantB, 'receptionist').greeting).toMatch(/^Hello/);
  });

  it('tells the agent not to guess where a text was left empty', () => {
    expect(buildBotPrompt(tenantA, 'receptionist').prompt).toContain('Adresse: nicht hinterlegt');
    expect(buildBotPrompt(tenantB, 'sales').prompt).toContain('No prices are on record');
  });

  it('builds every role’s template in every language without a placeholder left', () => {
    for (const role of BOT_ROLES) {
      for (const locale of PROMPT_LOCALES) {
        const built = buildBotPrompt({ ...tenantA, locale }, role);
        expect(`${built.greeting}\n${built.prompt}`).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('uses only placeholders of the vocabulary in its templates', () => {
    const used = Object.values(TEMPLATES_BY_ROLE)
      .flatMap((byLanguage) => Object.values(byLanguage))
      .flatMap(({ greeting, prompt }) => [...`${greeting}${prompt}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]));
    expect(used.filter((name) => !(PROMPT_PLACEHOLDERS as readonly string[]).includes(name!))).toEqual([]);
  });

  it('puts the prompt, greeting, role and version into the config vars', () => {
    const built = buildBotPrompt(tenantB, 'sales');
    expect(promptConfigVars(built, 'sales', 3)).toEqual({
      BOT_ROLE: 'sales',
      BOT_GREETING: built.greeting,
      BOT_PROMPT: built.prompt,
      BOT_PROMPT_VERSION: '3',
    });
  });
});

describe('defaultPromptSettings', () => {
  it('names the business after the tenant, without its legal form for the short name', () => {
    const settings = defaultPromptSettings({ name: 'Beispiel Sport GmbH', locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(PromptSettings.parse(settings)).toEqual(settings);
    expect(settings).toMatchObject({
      businessName: 'Beispiel Sport GmbH',
      businessShortName: 'Beispiel Sport',
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
      emergencyNumber: '112',
    });
  });

  it('falls back to valid values for a locale without templates and an unknown time zone', () => {
    const settings = defaultPromptSettings({ name: 'Exemple SARL', locale: 'fr-FR', timeZone: 'Mars/Olympus' });
    expect(PromptSettings.parse(settings)).toEqual(settings);
    expect(settings).toMatchObject({ locale: 'en-GB', timeZone: 'UTC' });
  });
});
