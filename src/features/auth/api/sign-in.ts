import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema } from '../../../../contract/auth.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { sessionChanged } from '../../../lib/api-key-store.ts';

/** POST /api/session; on success the cookie is set and the gate asks "who am I" again. */
export function useSignIn() {
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      apiFetch('/api/session', { method: 'POST', body, schema: sessionResponseSchema }),
    onSuccess: () => sessionChanged(),
    meta: { silent: true, credentials: true },
  });
}

export function useSetup() {
  return useMutation({
    mutationFn: (body: { token: string; email: string; name: string; password: string }) =>
      apiFetch('/api/setup', { method: 'POST', body, schema: sessionResponseSchema }),
    onSuccess: () => sessionChanged(),
    meta: { silent: true, credentials: true },
  });
}
