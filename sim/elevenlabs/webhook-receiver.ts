import { startRecordingReceiver } from '../webhook-receiver';

export interface ReceivedElevenLabsWebhook {
  /** The raw body, byte for byte, as signature checks need it. */
  body: string;
  signature: string;
  chunked: boolean;
}

/** A stand-in for the platform's ElevenLabs webhook route, for tests: records each POST and answers 200. */
export async function startElevenLabsReceiver(path = '/api/webhooks/elevenlabs/test') {
  const receiver = await startRecordingReceiver(path, (body, request): ReceivedElevenLabsWebhook => ({
    body,
    signature: String(request.headers['elevenlabs-signature']),
    chunked: request.headers['transfer-encoding'] === 'chunked',
  }));
  return {
    ...receiver,
    /** Bodies parsed, in arrival order. */
    events: () =>
      receiver.received.map(({ body }) => JSON.parse(body) as { type: string; data: Record<string, unknown> }),
  };
}
