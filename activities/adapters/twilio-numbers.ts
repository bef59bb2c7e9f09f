import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { ProviderError, providerCalls } from './provider-error';
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from '../../config/simulator-credentials';

const { call, unless404 } = providerCalls(toProviderError);

/** The slice of Twilio that gives each bot a phone number and reads its calls. */
export interface TwilioNumbers {
  /** E.164 numbers that can be bought now; empty when the country has none left. */
  searchAvailableLocal(country: string, options?: { areaCode?: string; limit?: number }): Promise<string[]>;
  findByFriendlyName(friendlyName: string): Promise<{ sid: string; phoneNumber: string } | null>;
  buyNumber(input: {
    phoneNumber: string;
    friendlyName: string;
    voiceUrl: string;
    statusCallback: string;
  }): Promise<{ sid: string; phoneNumber: string }>;
  updateWebhooks(sid: string, hooks: { voiceUrl: string; statusCallback: string }): Promise<void>;
  fetchNumber(
    sid: string,
  ): Promise<{ sid: string; phoneNumber: string; voiceUrl: string | null; statusCallback: string | null } | null>;
  releaseNumber(sid: string): Promise<'released' | 'absent'>;
  fetchCall(
    callSid: string,
  ): Promise<{ sid: string; status: string; durationSeconds: number | null; to: string; from: string } | null>;
}

// Also matches the regional hosts the SDK derives from TWILIO_REGION / TWILIO_EDGE (api.dublin.ie1.twilio.com).
// eslint-disable-next-line security/detect-unsafe-regex -- linear: the dot that starts a repetition is not in its class
const TWILIO_API_ORIGIN = /^https:\/\/api(\.[a-z0-9-]+)*\.twilio\.com/;

/** The SDK's own HTTP client, pointed at the simulator's `/twilio` routes instead of api.twilio.com. */
class SimulatorRequestClient extends twilio.RequestClient {
  constructor(
    private readonly twilioBaseUrl: string,
    timeout: number,
  ) {
    super({ timeout });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_API_ORIGIN, this.twilioBaseUrl) });
  }
}

export interface TwilioConfig {
  accountSid?: string;
  authToken?: string;
  simulatorUrl: string;
  timeoutMs?: number;
}

/**
 * The official SDK against the real Twilio API when credentials are configured, against the local simulator
 * (`sim/`) otherwise; only the HTTP client differs.
 */
export function createTwilioClient(config: TwilioConfig): twilio.Twilio {
  if (!config.accountSid !== !config.authToken) {
    throw new Error('Twilio needs both an account sid and an auth token, or neither for the simulator');
  }
  const timeout = config.timeoutMs ?? 30_000;
  if (config.accountSid && config.authToken) return twilio(config.accountSid, config.authToken, { timeout });
  const baseUrl = `${config.simulatorUrl.replace(/\/+$/, '')}/twilio`;
  return twilio(SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN, {
    httpClient: new SimulatorRequestClient(baseUrl, timeout),
  });
}

export function createTwilioNumbers(config: TwilioConfig): TwilioNumbers {
  const client = createTwilioClient(config);
  const numbers = client.incomingPhoneNumbers;

  return {
    async searchAvailableLocal(country, options = {}) {
      const found = await call(() =>
        client.availablePhoneNumbers(country.toUpperCase()).local.list({
          ...(options.areaCode ? { areaCode: Number(options.areaCode) } : {}),
          limit: options.limit ?? 20,
        }),
      );
      return found.map((number) => number.phoneNumber);
    },

    async findByFriendlyName(friendlyName) {
      const [found] = await call(() => numbers.list({ friendlyName, limit: 1 }));
      return found ? { sid: found.sid, phoneNumber: found.phoneNumber } : null;
    },

    async buyNumber({ phoneNumber, friendlyName, voiceUrl, statusCallback }) {
      const bought = await call(() =>
        numbers.create({
          phoneNumber,
          friendlyName,
          voiceUrl,
          voiceMethod: 'POST',
          statusCallback,
          statusCallbackMethod: 'POST',
        }),
      );
      return { sid: bought.sid, phoneNumber: bought.phoneNumber };
    },

    async updateWebhooks(sid, { voiceUrl, statusCallback }) {
      await call(() =>
        numbers(sid).update({ voiceUrl, voiceMethod: 'POST', statusCallback, statusCallbackMethod: 'POST' }),
      );
    },

    async fetchNumber(sid) {
      const found = await unless404(() => numbers(sid).fetch(), null);
      return (
        found && {
          sid: found.sid,
          phoneNumber: found.phoneNumber,
          voiceUrl: found.voiceUrl || null,
          statusCallback: found.statusCallback || null,
        }
      );
    },

    async releaseNumber(sid) {
      return unless404(
        () =>
          numbers(sid)
            .remove()
            .then(() => 'released' as const),
        'absent' as const,
      );
    },

    async fetchCall(callSid) {
      const found = await unless404(() => client.calls(callSid).fetch(), null);
      return (
        found && {
          sid: found.sid,
          status: found.status,
          durationSeconds: found.duration ? Number(found.duration) : null,
          to: found.to,
          from: found.from,
        }
      );
    },
  };
}

/** `RestException` carries Twilio's status and numeric code; axios errors (no response) carry only a code. */
function toProviderError(error: unknown): ProviderError {
  const { status, code, message } = (error ?? {}) as { status?: unknown; code?: unknown; message?: string };
  const responded = typeof status === 'number';
  const timedOut = !responded && (code === 'ECONNABORTED' || code === 'ETIMEDOUT');
  return new ProviderError({
    provider: 'twilio',
    message: message || (responded ? `HTTP ${status}` : 'request failed'),
    status: responded ? status : null,
    code: timedOut ? 'timeout' : code === undefined || code === null ? null : String(code),
    cause: error,
  });
}
