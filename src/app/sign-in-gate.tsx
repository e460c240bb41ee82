import type { ReactNode } from 'react';
import { useAuth } from '../lib/api-key-store.ts';
import { SignInForm } from './sign-in-form.tsx';

/** Shows the dashboard only with a key; a 401 anywhere (see query-client.ts) brings the form back. */
export function SignInGate({ children }: { children: ReactNode }) {
  const { apiKey, message } = useAuth();
  if (!apiKey) return <SignInForm message={message} />;
  return children;
}
