import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { SessionProvider } from '../features/auth/session-context.tsx';
import { sessionQueries } from '../features/auth/session-queries.ts';
import { useAuth } from '../lib/api-key-store.ts';
import { takeFromFragment } from '../lib/url-fragment.ts';
import { SetupForm } from './setup-form.tsx';
import { SignInForm } from './sign-in-form.tsx';

/**
 * Shows the dashboard once "who am I" answers (a stored key or the session cookie); otherwise
 * the sign-in form, or the first-run setup form for a `#setup=` link. A 401 anywhere (see
 * query-client.ts) brings the form back.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { epoch, message } = useAuth();
  const [setupToken, setSetupToken] = useState(() => takeFromFragment('setup'));
  const me = useQuery(sessionQueries.me(epoch));
  if (setupToken) return <SetupForm token={setupToken} onDone={() => setSetupToken(null)} />;
  if (me.isPending) return <main className="sign-in" aria-busy="true" />;
  if (me.isError) return <SignInForm message={me.error.message} />;
  if (!me.data) return <SignInForm message={message} />;
  return <SessionProvider value={me.data}>{children}</SessionProvider>;
}
