/** The audit log, newest first, in pages (`before` = the previous page's nextBefore). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditPageSchema } from '../../../contract/auth.ts';
import { route } from '../../http/route.ts';
import type { AuthRouteDeps } from './deps.ts';

const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoute(app: FastifyInstance, { store }: AuthRouteDeps): void {
  const page = { query: auditQuerySchema, response: auditPageSchema };
  route(app, 'GET', '/api/audit', page, async ({ query: { before, limit } }) => {
    const entries = await store.auth.listAudit(before ?? null, limit);
    return { entries, nextBefore: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
  });
}
