const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

/** Greets the caller and connects the call's audio to the bot over a Media Stream. */
export function connectToBotTwiml(input: {
  greeting: string;
  language: string;
  streamUrl: string;
  botId: string;
  callSid: string;
  /** Signed per call (media-stream-token.ts): the stream proves it belongs to this call. */
  streamToken: string;
  /** Signed with the bot's own secret (bot-stream-token.ts): the voice-bot runtime checks this one. */
  botStreamToken?: string;
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Response>',
    `<Say language="${escapeXml(input.language)}">${escapeXml(input.greeting)}</Say>`,
    `<Connect><Stream url="${escapeXml(input.streamUrl)}">`,
    `<Parameter name="botId" value="${escapeXml(input.botId)}"/>`,
    `<Parameter name="callSid" value="${escapeXml(input.callSid)}"/>`,
    `<Parameter name="token" value="${escapeXml(input.streamToken)}"/>`,
    ...(input.botStreamToken ? [`<Parameter name="botToken" value="${escapeXml(input.botStreamToken)}"/>`] : []),
    '</Stream></Connect>',
    '</Response>',
  ].join('');
}

/** A polite refusal the caller hears before the line closes. */
export function refuseCallTwiml(message: string, language = 'en-US'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Say language="${escapeXml(language)}">${escapeXml(message)}</Say><Hangup/></Response>`;
}
