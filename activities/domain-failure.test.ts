import { ApplicationFailure } from '@temporalio/activity';
import { InvalidJobTransitionError } from '../domain/provisioning/job-lifecycle';
import { AppError, notFound } from '../domain/errors/app-error';
import { domainCall } from './domain-failure';

const failing = (error: unknown) => () => Promise.reject(error);

describe('domainCall', () => {
  it('passes the use case’s result through', async () => {
    await expect(domainCall(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('turns a refused transition into a non-retryable failure typed by its error', async () => {
    const failure = await domainCall(failing(new InvalidJobTransitionError('done', 'running', 'started'))).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, type: 'InvalidJobTransition' });
  });

  it('names a missing row as the caller says, and types other business errors by their code', async () => {
    await expect(domainCall(failing(notFound('Tenant')), { notFound: 'TenantNotFound' })).rejects.toMatchObject({
      nonRetryable: true,
      type: 'TenantNotFound',
      message: 'Tenant not found',
    });
    await expect(domainCall(failing(new AppError('conflict', 'Bot is failed')))).rejects.toMatchObject({
      nonRetryable: true,
      type: 'conflict',
    });
  });

  it('makes data the database refuses non-retryable and leaves outages retryable', async () => {
    const refused = Object.assign(new Error('value too long'), { code: '22001' });
    await expect(domainCall(failing(refused))).rejects.toMatchObject({ nonRetryable: true, type: 'InvalidData' });
    const outage = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    await expect(domainCall(failing(outage))).rejects.toBe(outage);
    const busy = new AppError('unavailable', 'Too many sign-ins at once');
    await expect(domainCall(failing(busy))).rejects.toBe(busy);
  });
});
