/** People, for admins: list, create (with a first password), change name, role, password, disable. */
import type { FastifyInstance } from 'fastify';
import { requestParamsSchema } from '../../../contract/api.ts';
import {
  accountListSchema,
  accountSchema,
  createAccountBodySchema,
  updateAccountBodySchema,
} from '../../../contract/auth.ts';
import { auditCaller } from '../../auth/audit.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { AuthRouteDeps } from './deps.ts';

export function accountRoutes(app: FastifyInstance, { store }: AuthRouteDeps): void {
  route(app, 'GET', '/api/accounts', { response: accountListSchema }, async () => ({
    accounts: await store.auth.listAccounts(),
  }));

  const created = { body: createAccountBodySchema, status: 201, response: accountSchema };
  route(app, 'POST', '/api/accounts', created, async ({ body, request }) => {
    const account = await store.auth.createAccount(
      {
        email: body.email.toLowerCase(),
        name: body.name,
        role: body.role,
        passwordHash: await hashPassword(body.password),
        source: 'password',
      },
      Date.now(),
    );
    if (!account) throw new HttpError(409, 'email_taken', 'email: an account with this email already exists');
    await auditCaller(store.auth, request, 'account_created', { email: account.email, role: account.role });
    return account;
  });

  const update = { params: requestParamsSchema, body: updateAccountBodySchema, response: accountSchema };
  route(app, 'PATCH', '/api/accounts/:id', update, async ({ params: { id }, body, request }) => {
    const before = await store.auth.getAccount(id);
    if (!before) throw notFound(`Account ${id} not found.`, 'account_not_found');
    const losesAdmin =
      before.role === 'admin' && (body.role !== undefined ? body.role !== 'admin' : body.disabled === true);
    if (losesAdmin) {
      const admins = (await store.auth.listAccounts()).filter((a) => a.role === 'admin' && !a.disabled);
      if (admins.length <= 1)
        throw new HttpError(409, 'last_admin', 'role: this is the last admin; make someone else admin first');
    }
    const account = await store.auth.updateAccount(id, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.role === undefined ? {} : { role: body.role }),
      ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
      ...(body.password === undefined ? {} : { passwordHash: await hashPassword(body.password) }),
    });
    if (!account) throw notFound(`Account ${id} not found.`, 'account_not_found');
    // A disabled account or a new password ends every session it had.
    if (body.disabled === true || body.password !== undefined) await store.auth.deleteAccountSessions(id);
    const changes: Record<string, unknown> = { email: account.email };
    if (body.role !== undefined && body.role !== before.role)
      changes.role = { from: before.role, to: body.role };
    if (body.disabled !== undefined && body.disabled !== before.disabled) changes.disabled = body.disabled;
    if (body.name !== undefined && body.name !== before.name) changes.name = body.name;
    if (body.password !== undefined) changes.password = 'changed';
    const action = changes.role ? 'role_changed' : 'account_changed';
    await auditCaller(store.auth, request, action, changes);
    return account;
  });
}
