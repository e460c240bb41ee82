/**
 * The QueryClient. Errors surface in one place: the caches' onError. A 401 anywhere signs the
 * user out (back to the sign-in form, with a message); other failures of a query that already
 * has data on screen (a background refetch) become a toast. A query without data shows its own
 * error state with Retry, so it gets no toast. Mutations that opt out with meta.silent handle
 * their own message.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toast } from '../components/ui/toast.tsx';
import { ApiError, isUnauthorized } from './api-client.ts';
import { getApiKey, signOut } from './api-key-store.ts';

export const KEY_REJECTED = 'That API key was not accepted (wrong or revoked). Sign in with a current key.';
export const SESSION_ENDED = 'Your session has ended. Sign in again.';

function handleUnauthorized(error: unknown): boolean {
  if (!isUnauthorized(error)) return false;
  signOut(getApiKey() ? KEY_REJECTED : SESSION_ENDED);
  return true;
}

function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (handleUnauthorized(error)) {
          client.clear();
          return;
        }
        if (query.state.data !== undefined && !query.meta?.silent) {
          toast('Could not refresh', { description: errorText(error), tone: 'error' });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.credentials && handleUnauthorized(error)) {
          client.clear();
          return;
        }
        if (!mutation.meta?.silent) toast('Could not save', { description: errorText(error), tone: 'error' });
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
    },
  });
  return client;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    /** credentials: a 401 means "wrong email or password", not "signed out" (sign-in, setup). */
    mutationMeta: { silent?: boolean; credentials?: boolean };
  }
}
