import type { Authenticator } from '../../auth/authenticator.ts';
import type { FailureLimiter } from '../../auth/rate-limit.ts';
import type { RouteDeps } from '../deps.ts';

export interface AuthRouteDeps extends RouteDeps {
  authenticator: Authenticator;
  limits: { perAddress: FailureLimiter; perAccount: FailureLimiter };
  sessionTtlMs: number;
}
