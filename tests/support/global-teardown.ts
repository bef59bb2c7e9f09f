export default async function globalTeardown(): Promise<void> {
  for (const stop of (globalThis.__voiceplaneTeardown ?? []).reverse()) await stop();
}
