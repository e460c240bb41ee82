import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts.ts';
import { auditRoute } from './audit.ts';
import type { AuthRouteDeps } from './deps.ts';
import { keyRoutes } from './keys.ts';
import { sessionRoutes } from './session.ts';
import { setupRoutes } from './setup.ts';

/** Sign-in, first-run setup, people, keys and the audit log (rules: server/auth/route-rules.ts). */
export async function authRoutes(app: FastifyInstance, deps: AuthRouteDeps): Promise<void> {
  sessionRoutes(app, deps);
  setupRoutes(app, deps);
  accountRoutes(app, deps);
  keyRoutes(app, deps);
  auditRoute(app, deps);
}
