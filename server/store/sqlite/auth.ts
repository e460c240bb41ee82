import { randomBytes } from 'node:crypto';
import type { AuthStore } from '../auth-store.ts';
import { SqlAuthStore } from '../sql/auth-store.ts';
import type { Statements } from './statements.ts';

/** The shared auth SQL on this adapter's statement cache (synchronous underneath). */
export function sqliteAuthStore(statements: Statements): AuthStore {
  return new SqlAuthStore(
    {
      rows: async (fragment) => statements.all(fragment),
      run: async (fragment) => statements.run(fragment).changes,
    },
    () => randomBytes(32).toString('base64url'),
  );
}
