/**
 * First run: while there is no account, the server prints a one-time link
 * (`/#setup=<token>`); POST /api/setup with that token creates the first admin and signs them in.
 */
import type { FastifyInstance } from 'fastify';
import { sessionResponseSchema, setupBodySchema, setupStatusSchema } from '../../../contract/auth.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { accountPrincipal } from '../../auth/principal.ts';
import { tokenDigest } from '../../auth/secrets.ts';
import { HttpError } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { AuthRouteDeps } from './deps.ts';
import { describePrincipal, startSession } from './session.ts';

export function setupRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { store } = deps;
  route(app, 'GET', '/api/setup', { response: setupStatusSchema }, async () => ({
    needed: (await store.auth.countAccounts()) === 0,
  }));

  const setup = { body: setupBodySchema, response: sessionResponseSchema };
  route(app, 'POST', '/api/setup', setup, async ({ body, request, reply }) => {
    const refused = new HttpError(
      403,
      'setup_done',
      'This setup link is not valid (used, or an admin already exists).',
    );
    if ((await store.auth.countAccounts()) > 0) throw refused;
    if (!(await store.auth.consumeSetupToken(tokenDigest(body.token)))) throw refused;
    const account = await store.auth.createFirstAccount(
      {
        email: body.email.toLowerCase(),
        name: body.name,
        role: 'admin',
        passwordHash: await hashPassword(body.password),
        source: 'password',
      },
      Date.now(),
    );
    if (!account) throw refused;
    await store.auth.appendAudit({
      at: Date.now(),
      actor: account.name,
      action: 'account_created',
      detail: { email: account.email, role: account.role, by: 'setup link' },
    });
    await startSession(deps, request, reply, account);
    return describePrincipal(accountPrincipal(account, 'session'));
  });
}
