import { createContext, type ReactNode, use } from 'react';
import type { Permission, SessionResponse } from '../../../contract/auth.ts';

const SessionContext = createContext<SessionResponse | null>(null);

export function SessionProvider({ value, children }: { value: SessionResponse; children: ReactNode }) {
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The signed-in person or key. Only inside the sign-in gate. */
export function useSession(): SessionResponse {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession outside the sign-in gate');
  return session;
}

/** Whether the caller may do `permission`; false outside the gate. The UI hides what this says no to. */
export function useCan(permission: Permission): boolean {
  return use(SessionContext)?.permissions.includes(permission) ?? false;
}
