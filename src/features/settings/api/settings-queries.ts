/**
 * Query options and mutations for the admin Settings page:
 *   ['settings', 'accounts']   ['settings', 'keys']   ['settings', 'audit']
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  accountListSchema,
  accountSchema,
  apiKeyListSchema,
  apiKeySchema,
  auditPageSchema,
  createdKeySchema,
  type KeyScope,
  type Role,
} from '../../../../contract/auth.ts';
import { apiFetch } from '../../../lib/api-client.ts';

export const settingsQueries = {
  all: () => ['settings'] as const,
  accounts: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'accounts'] as const,
      queryFn: ({ signal }) => apiFetch('/api/accounts', { schema: accountListSchema, signal }),
    }),
  keys: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'keys'] as const,
      queryFn: ({ signal }) => apiFetch('/api/keys', { schema: apiKeyListSchema, signal }),
    }),
  audit: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'audit'] as const,
      queryFn: ({ signal }) => apiFetch('/api/audit?limit=200', { schema: auditPageSchema, signal }),
    }),
};

/** Every settings mutation refreshes the page's lists (and the audit log they write to). */
function useSettingsMutation<T, V>(mutationFn: (variables: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => client.invalidateQueries({ queryKey: settingsQueries.all() }),
    meta: { silent: true },
  });
}

export function useCreateAccount() {
  return useSettingsMutation((body: { email: string; name: string; role: Role; password: string }) =>
    apiFetch('/api/accounts', { method: 'POST', body, schema: accountSchema }),
  );
}

export function useUpdateAccount() {
  return useSettingsMutation(({ id, ...body }: { id: number; role?: Role; disabled?: boolean }) =>
    apiFetch(`/api/accounts/${id}`, { method: 'PATCH', body, schema: accountSchema }),
  );
}

export function useCreateKey() {
  return useSettingsMutation((body: { name: string; scope: KeyScope; expiresAt: number | null }) =>
    apiFetch('/api/keys', { method: 'POST', body, schema: createdKeySchema }),
  );
}

export function useRevokeKey() {
  return useSettingsMutation((id: number) =>
    apiFetch(`/api/keys/${id}`, { method: 'DELETE', schema: apiKeySchema }),
  );
}
