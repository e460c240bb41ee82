/**
 * Sign in (POST /api/session), who am I (GET), sign out (DELETE). Sign-in answers the same for an
 * unknown email and a wrong password, costs the same (a decoy hash), and is rate limited per
 * address and per account before any hash is computed. Every sign-in mints a fresh session token
 * (a cookie planted beforehand is never adopted: no session fixation).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../../../contract/auth.ts';
import {
  type SessionResponse,
  sessionResponseSchema,
  signInBodySchema,
  signOutResponseSchema,
} from '../../../contract/auth.ts';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from '../../auth/cookies.ts';
import { decoyHash, verifyPassword } from '../../auth/passwords.ts';
import { accountPrincipal, type Principal } from '../../auth/principal.ts';
import { isSameOrigin } from '../../auth/same-origin.ts';
import { newToken, tokenDigest } from '../../auth/secrets.ts';
import { forbidden, parseWith, tooManyRequests, unauthorized } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { AuthRouteDeps } from './deps.ts';

const WRONG = 'Email or password is wrong.';

export function describePrincipal(principal: Principal): SessionResponse {
  return {
    kind: principal.kind,
    name: principal.name,
    email: principal.email,
    role: principal.role,
    scope: principal.scope,
    permissions: [...principal.grants],
  };
}

/** Starts a session for `account`: a new random token, its digest stored, the token in a cookie. */
export async function startSession(
  deps: AuthRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  account: Account,
): Promise<void> {
  const token = newToken();
  const now = Date.now();
  await deps.store.auth.createSession(tokenDigest(token), account.id, now, now + deps.sessionTtlMs);
  setSessionCookie(request, reply, token, deps.sessionTtlMs);
  await deps.store.auth.appendAudit({
    at: now,
    actor: account.name,
    action: 'sign_in',
    detail: { email: account.email },
  });
}

export function sessionRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { store, limits } = deps;

  // Not through route(): the origin is checked before the body is read.
  app.post('/api/session', async (request, reply) => {
    // Login CSRF: a foreign page must not sign the browser in to the attacker's account.
    if (request.headers.origin !== undefined && !isSameOrigin(request))
      throw forbidden('Cross-site sign-in refused.');
    const body = parseWith(signInBodySchema, request.body, 'body');
    const email = body.email.toLowerCase();
    const address = request.ip;
    const wait = Math.max(limits.perAddress.retryAfter(address), limits.perAccount.retryAfter(email));
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw tooManyRequests(`Too many failed sign-ins: try again in ${wait} s.`);
    }
    const account = await store.auth.findAccountByEmail(email);
    const hash = account?.passwordHash ?? (await decoyHash());
    const valid = (await verifyPassword(body.password, hash)) && account !== null && !account.disabled;
    if (!valid || !account) {
      limits.perAddress.fail(address);
      limits.perAccount.fail(email);
      throw unauthorized(WRONG);
    }
    limits.perAccount.reset(email);
    // Whatever session cookie the browser brought is ended, never reused.
    const previous = readCookie(request, SESSION_COOKIE);
    if (previous !== undefined) await store.auth.deleteSession(tokenDigest(previous));
    await startSession(deps, request, reply, account);
    return describePrincipal(accountPrincipal(account, 'session'));
  });

  // 200 null when not signed in: the dashboard asks on every load, and a 401 there is not an error.
  route(app, 'GET', '/api/session', { response: sessionResponseSchema.nullable() }, async ({ request }) =>
    request.principal ? describePrincipal(request.principal) : null,
  );

  route(app, 'DELETE', '/api/session', { response: signOutResponseSchema }, async ({ request, reply }) => {
    const token = readCookie(request, SESSION_COOKIE);
    if (token !== undefined) {
      if (!isSameOrigin(request)) throw forbidden('Cross-site request refused.');
      await store.auth.deleteSession(tokenDigest(token));
    }
    clearSessionCookie(request, reply);
    return { success: true as const };
  });
}
