import { Link } from 'react-router';
import type { FormEvent, ReactNode } from 'react';

import type { PublicBranding } from '@contracts/branding';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { TextField } from '~/components/ui/field';
import { brandStyle } from '~/lib/brand-theme';
import type { JsonForm } from '~/lib/use-json-form';

type Brand = Pick<PublicBranding, 'dashboardTitle' | 'logoUrl' | 'primaryColor'> | null;

/**
 * The frame of the pages outside the portals (sign-in, sign-up, welcome): the product's name, or the tenant's
 * when the page knows its branding, over the page's cards. `width` is the column's Tailwind max-width class.
 */
export function AuthPage({
  brand = null,
  width,
  centered = false,
  children,
}: {
  brand?: Brand;
  width: string;
  /** Centre the column vertically (a short page such as sign-in). */
  centered?: boolean;
  children: ReactNode;
}) {
  return (
    <main
      className={`${centered ? 'flex flex-col justify-center ' : ''}min-h-screen bg-gradient-to-b from-indigo-50/60 to-slate-50 px-4 py-12 sm:px-6`}
      style={brandStyle(brand?.primaryColor)}
    >
      <div className={`mx-auto w-full ${width}`}>
        <Link to="/" className="flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <img src={brand?.logoUrl ?? '/favicon.svg'} alt="" className="h-8 max-w-[6rem] object-contain" />
          <span data-testid="brand-title">{brand?.dashboardTitle ?? 'VoicePlane'}</span>
        </Link>
        {children}
      </div>
    </main>
  );
}

/** One card of such a page: its heading, an optional line under it, then the content. */
export function AuthCard({
  title,
  intro,
  className = '',
  children,
}: {
  title: ReactNode;
  /** Shown under the heading when given (even when empty, so the spacing stays). */
  intro?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 ${className}`}>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {intro !== undefined ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      {children}
    </div>
  );
}

/**
 * A form of these pages that the browser posts itself (`useJsonForm`): its error above it, a note where JavaScript
 * is off, and the submit button, disabled until the page is hydrated and while the form is sent.
 */
export function AuthForm<F extends string>({
  form,
  onSubmit,
  toDo,
  submit,
  className,
  children,
}: {
  form: JsonForm<F>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** What JavaScript is needed for ("sign in"). */
  toDo: string;
  /** The button's text, and its text while the form is sent. */
  submit: { idle: string; busy: string };
  className: string;
  children: ReactNode;
}) {
  const { state, hydrated, errorRef, formRef } = form;
  return (
    <>
      {state.error ? (
        <div ref={errorRef} tabIndex={-1} className="mt-6 outline-none">
          <Alert tone="error">
            <p>{state.error}</p>
            {state.otherErrors?.length ? (
              <ul className="mt-2 list-disc pl-5">
                {state.otherErrors.map((message, i) => (
                  <li key={i}>{message}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <noscript>
        <p className="mt-6 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          JavaScript is required to {toDo}.
        </p>
      </noscript>
      {/* method="post" so a submit before hydration never puts the password in the URL. */}
      <form ref={formRef} method="post" onSubmit={onSubmit} aria-busy={state.submitting} className={className}>
        {children}
        <Button type="submit" disabled={!hydrated || state.submitting} className="w-full py-2.5">
          {state.submitting ? submit.busy : submit.idle}
        </Button>
      </form>
    </>
  );
}

/** The account's email address and password, filled in by password managers as a sign-in or a new account. */
export function CredentialFields({
  errors,
  purpose,
}: {
  errors: Partial<Record<'email' | 'password', string>>;
  purpose: 'sign-in' | 'sign-up';
}) {
  return (
    <>
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete={purpose === 'sign-in' ? 'username' : 'email'}
        required
        error={errors.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete={purpose === 'sign-in' ? 'current-password' : 'new-password'}
        required
        error={errors.password}
      />
    </>
  );
}
