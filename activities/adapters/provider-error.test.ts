import { isRetryableStatus, ProviderError, providerCalls } from './provider-error';

describe('provider error classification', () => {
  it.each([null, 408, 409, 429, 500, 502, 503, 504])('retries a failure with status %p', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])('does not retry a failure with status %p', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });

  it('names the provider in the message and keeps the cause', () => {
    const cause = new Error('socket hang up');
    const error = new ProviderError({ provider: 'twilio', message: 'boom', status: 400, code: '21452', cause });
    expect(error).toMatchObject({ message: 'twilio: boom', retryable: false, code: '21452', cause });
  });

  it('turns a 404 into the absent value only where asked to', async () => {
    const notFound = new ProviderError({ provider: 'heroku', message: 'gone', status: 404, code: 'not_found' });
    const { call, unless404 } = providerCalls(() => notFound);
    const failing = () => Promise.reject(new Error('raw SDK error'));
    await expect(unless404(failing, 'absent')).resolves.toBe('absent');
    await expect(call(failing)).rejects.toBe(notFound);
  });
});
