/** Scoped API keys, for admins. The key itself appears once, in the creation reply; only its digest is stored. */
import type { FastifyInstance } from 'fastify';
import { requestParamsSchema } from '../../../contract/api.ts';
import {
  apiKeyListSchema,
  apiKeySchema,
  createdKeySchema,
  createKeyBodySchema,
} from '../../../contract/auth.ts';
import { auditCaller } from '../../auth/audit.ts';
import { actorLabel } from '../../auth/principal.ts';
import { newToken, tokenDigest } from '../../auth/secrets.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { AuthRouteDeps } from './deps.ts';

export function keyRoutes(app: FastifyInstance, { store }: AuthRouteDeps): void {
  route(app, 'GET', '/api/keys', { response: apiKeyListSchema }, async () => ({
    keys: await store.auth.listKeys(),
  }));

  const create = { body: createKeyBodySchema, status: 201, response: createdKeySchema };
  route(app, 'POST', '/api/keys', create, async ({ body, request }) => {
    const now = Date.now();
    if (body.expiresAt != null && body.expiresAt <= now)
      throw badRequest('expiresAt: must be in the future', [
        { loc: ['body', 'expiresAt'], msg: 'must be in the future', type: 'too_small' },
      ]);
    const key = newToken(`pl_${body.scope}_`);
    const created = await store.auth.createKey(
      {
        name: body.name,
        keyHash: tokenDigest(key),
        prefix: key.slice(0, key.indexOf('_', 3) + 5),
        scope: body.scope,
        createdBy: actorLabel(request.principal),
        expiresAt: body.expiresAt ?? null,
      },
      now,
    );
    await store.auth.appendAudit({
      at: now,
      actor: actorLabel(request.principal),
      action: 'key_created',
      detail: { id: created.id, name: created.name, scope: created.scope, expiresAt: created.expiresAt },
    });
    return { ...created, key };
  });

  const revoke = { params: requestParamsSchema, response: apiKeySchema };
  route(app, 'DELETE', '/api/keys/:id', revoke, async ({ params: { id }, request }) => {
    const revoked = await store.auth.revokeKey(id, Date.now());
    if (!revoked) throw notFound(`Key ${id} not found.`, 'key_not_found');
    await auditCaller(store.auth, request, 'key_revoked', {
      id: revoked.id,
      name: revoked.name,
      scope: revoked.scope,
    });
    return revoked;
  });
}
