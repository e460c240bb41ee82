/**
 * Who is calling: a person (session cookie or trusted proxy header) or an API key, and what
 * that lets them do. Roles and key scopes map to the permissions routes ask for.
 */
import type { KeyScope, Permission, Role } from '../../contract/auth.ts';

const ALL: readonly Permission[] = ['ingest', 'read', 'annotate', 'admin'];

export const ROLE_GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ALL,
  annotator: ['read', 'annotate'],
  viewer: ['read'],
};

export const SCOPE_GRANTS: Readonly<Record<KeyScope | 'full', readonly Permission[]>> = {
  full: ALL,
  admin: ALL,
  annotate: ['read', 'annotate'],
  read: ['read'],
  ingest: ['ingest'],
};

export interface Principal {
  kind: 'account' | 'key';
  /** Account id, or the stored key's id; null for keys given by environment or file. */
  id: number | null;
  /** Shown as the author of annotations and in the audit log (never a secret). */
  name: string;
  email: string | null;
  role: Role | null;
  scope: KeyScope | 'full' | null;
  via: 'session' | 'proxy' | 'key';
  grants: ReadonlySet<Permission>;
  /** SHA-256 of the session token, for signing out. */
  sessionHash?: string;
}

export function accountPrincipal(
  account: { id: number; name: string; email: string; role: Role },
  via: 'session' | 'proxy',
  sessionHash?: string,
): Principal {
  return {
    kind: 'account',
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    scope: null,
    via,
    grants: new Set(ROLE_GRANTS[account.role]),
    ...(sessionHash === undefined ? {} : { sessionHash }),
  };
}

export function keyPrincipal(id: number | null, name: string, scope: KeyScope | 'full'): Principal {
  return {
    kind: 'key',
    id,
    name,
    email: null,
    role: null,
    scope,
    via: 'key',
    grants: new Set(SCOPE_GRANTS[scope]),
  };
}

/** How annotations and audit entries name the principal. */
export function actorLabel(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'account' ? principal.name : `key "${principal.name}"`;
}
