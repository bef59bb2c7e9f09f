import { Icon } from './icons';

/** A workflow in Temporal's Web UI, opened in a new tab (the link is only given to platform operators). */
export function TemporalLink({ href }: { href: string }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className="inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium text-indigo-600 hover:underline"
    >
      Temporal <Icon name="external" className="h-3.5 w-3.5" />
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
