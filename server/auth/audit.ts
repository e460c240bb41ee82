/** The audit log's way in from a route: what the caller did, stamped now. */
import type { FastifyRequest } from 'fastify';
import type { AuthStore } from '../store/auth-store.ts';
import { actorLabel } from './principal.ts';

export function auditCaller(
  auth: AuthStore,
  request: FastifyRequest,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return auth.appendAudit({ at: Date.now(), actor: actorLabel(request.principal), action, detail });
}
