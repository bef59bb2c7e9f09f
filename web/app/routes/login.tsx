import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';

import { isProblem, splitFieldErrors } from '~/lib/problem';

export const meta: MetaFunction = () => [{ title: 'Sign in · VoicePlane' }];

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface SignedInUser {
  id: string;
  email: string;
  role: string;
  tenantId: string | null;
  name?: string | null;
}

type State =
  | {
      status: 'idle' | 'submitting';
      error?: string;
      otherErrors?: string[];
      fieldErrors: Partial<Record<Field, string>>;
    }
  | { status: 'success'; user: SignedInUser };

function isLoginSuccess(body: unknown): body is { user: SignedInUser } {
  if (typeof body !== 'object' || body === null) return false;
  const user = (body as { user?: unknown }).user;
  return (
    typeof user === 'object' &&
    user !== null &&
    typeof (user as SignedInUser).email === 'string' &&
    typeof (user as SignedInUser).role === 'string'
  );
}

/**
 * Sign-in form. Submits from the browser to the API (same origin: /api is
 * proxied to the API), so the API can set its session/refresh cookies.
 */
export default function Login() {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle', fieldErrors: {} });
  const errorRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // The form only works with JavaScript (JSON request); keep the button
  // disabled until hydration so an early click can't do a native submit.
  useEffect(() => setHydrated(true), []);

  // Move focus to the outcome so keyboard and screen-reader users notice it.
  useEffect(() => {
    if (state.status === 'success') {
      successRef.current?.focus();
    } else if (state.status === 'idle') {
      if (state.fieldErrors.email) emailRef.current?.focus();
      else if (state.fieldErrors.password) passwordRef.current?.focus();
      else if (state.error) errorRef.current?.focus();
    }
  }, [state]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.status === 'submitting') return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');

    setState({ status: 'submitting', fieldErrors: {} });

    let response: Response;
    try {
      response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'include',
        body: JSON.stringify({ email, password }),
      });
    } catch {
      setState({
        status: 'idle',
        fieldErrors: {},
        error: 'Could not reach the server. Check your connection and try again.',
      });
      return;
    }

    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Non-JSON (e.g. a proxy error page); handled below.
    }

    if (response.ok && isLoginSuccess(body)) {
      setState({ status: 'success', user: body.user });
      return;
    }

    if (isProblem(body)) {
      const { byField, other } = splitFieldErrors(body, FIELDS);
      setState({
        status: 'idle',
        fieldErrors: byField,
        otherErrors: other,
        error: body.detail ?? body.title ?? `Sign-in failed (HTTP ${response.status}).`,
      });
      return;
    }

    setState({
      status: 'idle',
      fieldErrors: {},
      error:
        response.status >= 502 && response.status <= 504
          ? 'The API is unavailable right now. Please try again shortly.'
          : `Sign-in failed (HTTP ${response.status}).`,
    });
  }

  return (
    <main className="flex min-h-screen flex-col justify-center px-4 py-12 sm:px-6">
      <div className="mx-auto w-full max-w-sm">
        <Link to="/" className="flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          VoicePlane
        </Link>

        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          {state.status === 'success' ? (
            <div role="status">
              <h1 ref={successRef} tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
                Signed in as {state.user.email} ({state.user.role})
              </h1>
              {state.user.name ? <p className="mt-1 text-sm text-slate-600">Welcome, {state.user.name}.</p> : null}
              <div className="mt-6 flex flex-wrap gap-3">
                <Link
                  to="/"
                  className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  Go to status page
                </Link>
                <button
                  type="button"
                  onClick={() => setState({ status: 'idle', fieldErrors: {} })}
                  className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
                >
                  Sign in as someone else
                </button>
              </div>
            </div>
          ) : (
            <LoginForm
              state={state}
              hydrated={hydrated}
              onSubmit={handleSubmit}
              errorRef={errorRef}
              emailRef={emailRef}
              passwordRef={passwordRef}
            />
          )}
        </div>
      </div>
    </main>
  );
}

function LoginForm({
  state,
  hydrated,
  onSubmit,
  errorRef,
  emailRef,
  passwordRef,
}: {
  state: Extract<State, { status: 'idle' | 'submitting' }>;
  hydrated: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errorRef: RefObject<HTMLDivElement>;
  emailRef: RefObject<HTMLInputElement>;
  passwordRef: RefObject<HTMLInputElement>;
}) {
  const submitting = state.status === 'submitting';
  const { fieldErrors } = state;

  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Use your VoicePlane account.</p>

      {state.error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-6 rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800 outline-none"
        >
          <p>{state.error}</p>
          {state.otherErrors?.length ? (
            <ul className="mt-2 list-disc pl-5">
              {state.otherErrors.map((message, i) => (
                <li key={i}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <noscript>
        <p className="mt-6 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          JavaScript is required to sign in.
        </p>
      </noscript>

      {/* method="post" so a submit before hydration never puts the password in the URL. */}
      <form method="post" onSubmit={onSubmit} aria-busy={submitting} className="mt-6 space-y-5">
        <TextField
          inputRef={emailRef}
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          error={fieldErrors.email}
        />
        <TextField
          inputRef={passwordRef}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={fieldErrors.password}
        />

        <button
          type="submit"
          disabled={!hydrated || submitting}
          className="flex w-full justify-center rounded-md bg-indigo-600 px-3 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}

function TextField({
  inputRef,
  name,
  label,
  type,
  autoComplete,
  error,
}: {
  inputRef: RefObject<HTMLInputElement>;
  name: Field;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  error?: string;
}) {
  const id = `login-${name}`;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`mt-1.5 block w-full rounded-md border-0 px-3 py-2 text-base text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset sm:text-sm ${
          error ? 'ring-rose-400 focus:ring-rose-600' : 'ring-slate-300 focus:ring-indigo-600'
        }`}
      />
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
