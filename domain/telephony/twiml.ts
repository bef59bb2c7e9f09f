const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

/**
 * Connects the call's audio to the bot's own runtime over a Media Stream (`wss://<bot app>/media-stream`). No
 * `<Say>`: the runtime greets the caller itself, in the bot's voice, when the stream starts.
 */
export function connectToBotTwiml(input: {
  streamUrl: string;
  botId: string;
  callSid: string;
  /** Signed with the bot's own secret (bot-stream-token.ts): the runtime takes audio only with this call's token. */
  botStreamToken: string;
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Response>',
    `<Connect><Stream url="${escapeXml(input.streamUrl)}">`,
    `<Parameter name="botId" value="${escapeXml(input.botId)}"/>`,
    `<Parameter name="callSid" value="${escapeXml(input.callSid)}"/>`,
    `<Parameter name="botToken" value="${escapeXml(input.botStreamToken)}"/>`,
    '</Stream></Connect>',
    '</Response>',
  ].join('');
}

/** A polite refusal the caller hears before the line closes. */
export function refuseCallTwiml(message: string, language = 'en-US'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Say language="${escapeXml(language)}">${escapeXml(message)}</Say><Hangup/></Response>`;
}
