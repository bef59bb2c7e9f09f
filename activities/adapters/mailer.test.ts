import { getFreePort } from '../../tests/support/free-port';
import { startScriptedSmtp } from '../../tests/support/scripted-smtp';
import { createLogMailer, createSmtpMailer } from './mailer';

const mail = { to: 'owner@tenant.test', subject: 'Welcome', text: 'Your workspace is ready.' };

describe('SMTP mailer', () => {
  let smtp: Awaited<ReturnType<typeof startScriptedSmtp>>;
  beforeAll(async () => {
    smtp = await startScriptedSmtp({ rejectRecipients: ['nobody@tenant.test'] });
  });
  afterAll(() => smtp.stop());

  it('reports a mail the server accepted as sent, from the configured sender', async () => {
    await expect(createSmtpMailer(smtp.url, 'VoicePlane <noreply@voiceplane.test>').send(mail)).resolves.toBe('sent');
    const [received] = smtp.received.slice(-1);
    expect(received).toMatchObject({ from: 'noreply@voiceplane.test', to: ['owner@tenant.test'] });
    expect(received!.data).toMatch(/^Subject: Welcome\r$/m);
    expect(received!.data).toContain('Your workspace is ready.');
  });

  it('reports a mail with a refused recipient as failed even when another was accepted', async () => {
    const outcome = await createSmtpMailer(smtp.url, 'noreply@voiceplane.test').send({
      ...mail,
      to: 'owner@tenant.test, nobody@tenant.test',
    });
    expect(outcome).toBe('failed');
    // The message went out to the one accepted: the mailer read nodemailer's answer, it did not catch an error.
    expect(smtp.received.at(-1)?.to).toEqual(['owner@tenant.test']);
  });

  it('reports a mail whose only recipient is refused for good as failed, not as an error to retry', async () => {
    const outcome = await createSmtpMailer(smtp.url, 'noreply@voiceplane.test').send({
      ...mail,
      to: 'nobody@tenant.test',
    });
    expect(outcome).toBe('failed');
  });

  it('throws when no server answers, so the delivery is retried', async () => {
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${await getFreePort()}`, 'noreply@voiceplane.test');
    await expect(mailer.send(mail)).rejects.toMatchObject({
      code: 'ESOCKET',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

describe('log mailer', () => {
  it('writes the mail to the log and reports it logged, never sent', async () => {
    const lines: string[] = [];
    await expect(createLogMailer((line) => lines.push(line)).send(mail)).resolves.toBe('logged');
    expect(lines).toEqual(['email to owner@tenant.test: Welcome\nYour workspace is ready.']);
  });
});
