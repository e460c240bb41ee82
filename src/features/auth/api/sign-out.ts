import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client.ts';
import { signOut } from '../../../lib/api-key-store.ts';

/** Ends the server session (if any) and forgets the stored key. */
export async function signOutEverywhere(): Promise<void> {
  await apiFetch('/api/session', { method: 'DELETE', schema: z.object({ success: z.literal(true) }) }).catch(
    () => undefined,
  );
  signOut(null);
}
