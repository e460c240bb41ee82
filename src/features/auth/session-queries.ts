/**
 * "Who am I": GET /api/session with the stored key or the session cookie. null = not signed in
 * (the gate shows the sign-in form). A key that is refused, or that cannot read, is forgotten
 * here with a message, so the form explains why.
 */
import { queryOptions } from '@tanstack/react-query';
import { sessionResponseSchema } from '../../../contract/auth.ts';
import { apiFetch, isUnauthorized } from '../../lib/api-client.ts';
import { getApiKey, signOut } from '../../lib/api-key-store.ts';
import { KEY_REJECTED } from '../../lib/query-client.ts';

export const sessionQueries = {
  me: (epoch: number) =>
    queryOptions({
      queryKey: ['session', epoch] as const,
      queryFn: async ({ signal }) => {
        try {
          const me = await apiFetch('/api/session', { schema: sessionResponseSchema.nullable(), signal });
          if (!me) return null;
          if (me.kind === 'key' && !me.permissions.includes('read')) {
            signOut(
              `This key (scope ${me.scope}) cannot open the dashboard: it is for apps sending requests.`,
            );
            return null;
          }
          return me;
        } catch (error) {
          if (!isUnauthorized(error)) throw error;
          if (getApiKey()) signOut(KEY_REJECTED);
          return null;
        }
      },
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
      meta: { silent: true },
    }),
};
