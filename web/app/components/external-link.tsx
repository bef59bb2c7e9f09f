import type { ReactNode } from 'react';

import { Icon } from './icons';

/** A page of a provider's (Stripe's hosted invoice, its PDF) opened in a new tab, which screen readers are told. */
export function ExternalLink({ href, children, icon = true }: { href: string; children: ReactNode; icon?: boolean }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className="inline-flex items-center gap-1 font-medium text-indigo-600 hover:underline"
    >
      {children}
      {icon ? <Icon name="external" className="h-3.5 w-3.5" /> : null}
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
