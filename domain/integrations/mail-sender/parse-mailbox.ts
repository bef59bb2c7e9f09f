/** `Name <address>`, `"Name" <address>` or a bare address (as MAIL_FROM is written) as its two parts. */
export function parseMailbox(text: string): { name: string; address: string } {
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(text);
  if (named) return { name: named[1]!.trim(), address: named[2]! };
  return { name: '', address: text.trim() };
}

/** A From header's value: the name quoted (the contract keeps quotes and line breaks out of it), then the address. */
export const formatMailbox = ({ name, address }: { name: string; address: string }): string =>
  name ? `"${name}" <${address}>` : address;
