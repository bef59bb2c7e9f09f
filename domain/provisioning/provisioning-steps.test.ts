import { countryOfLocale, herokuAppNameFor, numberFriendlyNameFor, provisioningWorkflowId } from './provisioning-steps';

const BOT = '0b7e6c1a-3f2d-4e5a-9b8c-1d2e3f4a5b6c';

describe('provisioning names', () => {
  it('gives each bot one provisioning and one deprovisioning run, but a run per number rotation', () => {
    expect(provisioningWorkflowId('provision', BOT, 'job-1')).toBe(`provision-bot-${BOT}`);
    expect(provisioningWorkflowId('deprovision', BOT, 'job-1')).toBe(`deprovision-bot-${BOT}`);
    expect(provisioningWorkflowId('rotate_number', BOT, 'job-1')).toBe(`rotate-number-${BOT}-job-1`);
    expect(provisioningWorkflowId('rotate_number', BOT, 'job-2')).not.toBe(
      provisioningWorkflowId('rotate_number', BOT, 'job-1'),
    );
  });

  it('derives a Heroku app name within Heroku’s 30 characters, lowercase and starting with a letter', () => {
    const name = herokuAppNameFor(BOT);
    expect(name).toBe('vp-0b7e6c1a3f2d4e5a9b8c1d2e');
    expect(name.length).toBeLessThanOrEqual(30);
    expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('names a Twilio number after the bot, and after the job when one rotation must find its own number', () => {
    expect(numberFriendlyNameFor(BOT)).toBe(`vp-bot-${BOT}`);
    expect(numberFriendlyNameFor(BOT, 'job-7')).toBe(`vp-bot-${BOT}-job-job-7`);
    expect(numberFriendlyNameFor(BOT, '')).toBe(`vp-bot-${BOT}`);
  });
});

describe('countryOfLocale', () => {
  it('takes the region of a locale, whatever its case or separator', () => {
    expect(['de-AT', 'en_gb', 'fr-ch'].map(countryOfLocale)).toEqual(['AT', 'GB', 'CH']);
  });

  it('falls back to the language’s usual country when the locale names no two-letter region', () => {
    expect(['de', 'EN', 'fr-419', 'it-Latn', 'es', 'nl'].map(countryOfLocale)).toEqual([
      'DE',
      'US',
      'FR',
      'IT',
      'ES',
      'NL',
    ]);
  });

  it('falls back to the US for a language it does not know', () => {
    expect(['pt', 'ja-419', ''].map(countryOfLocale)).toEqual(['US', 'US', 'US']);
  });
});
