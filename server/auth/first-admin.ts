/**
 * The first admin: created headlessly from PROMPTLOG_ADMIN_EMAIL/PROMPTLOG_ADMIN_PASSWORD, or,
 * while there is no account at all, a one-time setup token for the `/#setup=` link (only its
 * digest is stored, so any server on the store can redeem it).
 */
import type { AuthStore } from '../store/auth-store.ts';
import { hashPassword } from './passwords.ts';
import { newToken, tokenDigest } from './secrets.ts';

export async function prepareFirstAdmin(
  auth: AuthStore,
  admin: { email: string; password: string } | undefined,
): Promise<string | undefined> {
  try {
    const now = Date.now();
    if (admin) {
      if (await auth.findAccountByEmail(admin.email)) return undefined;
      const account = await auth.createAccount(
        {
          email: admin.email,
          name: admin.email.split('@')[0] || admin.email,
          role: 'admin',
          passwordHash: await hashPassword(admin.password),
          source: 'password',
        },
        now,
      );
      if (account)
        await auth.appendAudit({
          at: now,
          actor: 'PROMPTLOG_ADMIN_EMAIL',
          action: 'account_created',
          detail: { email: account.email, role: account.role },
        });
      return undefined;
    }
    if ((await auth.countAccounts()) > 0) return undefined;
    const token = newToken();
    await auth.addSetupToken(tokenDigest(token), now);
    return token;
  } catch {
    // PostgreSQL not reachable yet: the server still starts (answering 503); no setup link this time.
    return undefined;
  }
}
