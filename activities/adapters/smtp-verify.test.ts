import { inspect } from 'node:util';
import { getFreePort } from '../../tests/support/free-port';
import { failureOf as failureOfType } from '../../tests/support/failure-of';
import { startScriptedSmtp, type ScriptedSmtpOptions } from '../../tests/support/scripted-smtp';
import { SmtpVerifyError, verifySmtp } from './smtp-verify';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});
async function serverUrl(options: ScriptedSmtpOptions, credentials = '') {
  const smtp = await startScriptedSmtp(options);
  stop = smtp.stop;
  return `smtp://${credentials}127.0.0.1:${smtp.port}`;
}
const failureOf = (promise: Promise<void>) => failureOfType(promise, SmtpVerifyError);

describe('verifySmtp', () => {
  it('passes for a server that greets and accepts the login', async () => {
    await expect(verifySmtp(await serverUrl({ auth: 'accept' }, 'mailer:pw@'), 5_000)).resolves.toBeUndefined();
  });

  it('reports refused credentials as login_refused with the server’s code', async () => {
    const error = await failureOf(verifySmtp(await serverUrl({ auth: 'refuse' }, 'mailer:wrong@'), 5_000));
    expect(error).toMatchObject({ failure: 'login_refused', responseCode: 535, message: 'smtp: login_refused (535)' });
  });

  it('reports a server out of service as refused with its code', async () => {
    const error = await failureOf(verifySmtp(await serverUrl({ greeting: 'refuse' }), 5_000));
    expect(error).toMatchObject({ failure: 'refused', responseCode: 554, message: 'smtp: refused (554)' });
  });

  it('gives up on a server that never greets after the given time, as a timeout', async () => {
    const error = await failureOf(verifySmtp(await serverUrl({ greeting: 'silent' }), 200));
    expect(error).toMatchObject({ failure: 'timeout', responseCode: null });
  }, 10_000); // nodemailer's own greeting default is 30 s: only the given 200 ms ends it within this limit

  it('reports nothing listening as no_connection', async () => {
    const error = await failureOf(verifySmtp(`smtp://127.0.0.1:${await getFreePort()}`, 5_000));
    expect(error).toMatchObject({ failure: 'no_connection', responseCode: null });
  });

  it('keeps the server’s URL and credentials out of the error', async () => {
    const url = await serverUrl({ auth: 'refuse' }, 'mailer:s3cret@');
    const error = await failureOf(verifySmtp(url, 5_000));
    // All of it, as a logger would print it: message, stack, cause and own properties.
    expect(inspect(error, { depth: null })).not.toMatch(/s3cret|127\.0\.0\.1/);
  });
});
