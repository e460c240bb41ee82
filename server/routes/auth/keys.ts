/** Scoped API keys, for admins. The key itself appears once, in the creation reply; only its digest is stored. */
import type { FastifyInstance } from 'fastify';
import { requestParamsSchema } from '../../../contract/api.ts';
import { createKeyBodySchema } from '../../../contract/auth.ts';
import { auditCaller } from '../../auth/audit.ts';
import { actorLabel } from '../../auth/principal.ts';
import { newToken, tokenDigest } from '../../auth/secrets.ts';
import { badRequest, notFound, parseWith } from '../../http/errors.ts';
import type { AuthRouteDeps } from './deps.ts';

export function keyRoutes(app: FastifyInstance, { store }: AuthRouteDeps): void {
  app.get('/api/keys', async () => ({ keys: await store.auth.listKeys() }));

  app.post('/api/keys', async (request, reply) => {
    const body = parseWith(createKeyBodySchema, request.body, 'body');
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
    return reply.code(201).send({ ...created, key });
  });

  app.delete('/api/keys/:id', async (request) => {
    const id = parseWith(requestParamsSchema, request.params, 'path').id;
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
