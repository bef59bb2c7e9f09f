/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Cents as Stripe's hosted pages show them: `€49.00`. */
export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

/** A plain page in the simulator's hosted-page style; `body` is trusted HTML, the title is escaped. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Stripe simulator</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1a1f36; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  td, th { text-align: left; padding: .4rem 0; border-bottom: 1px solid #e3e8ee; }
  button { font-size: 1rem; padding: .6rem 1.4rem; margin-right: .5rem; cursor: pointer; }
  .note { color: #697386; font-size: .9rem; }
  .error { color: #df1b41; }
</style>
</head>
<body>
<p class="note">Simulated Stripe page (VoicePlane provider simulator): no real payment is taken.</p>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}
