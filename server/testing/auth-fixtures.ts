/**
 * Every kind of caller, made directly in the store (no HTTP), for tests that check who may do
 * what: configured keys of each scope, stored keys of each scope, and signed-in people of each
 * role. Secrets here are test values only.
 */
import type { KeyScope, Role } from '../../contract/auth.ts';
import { tokenDigest } from '../auth/secrets.ts';
import type { Store } from '../store/store.ts';
import { TEST_KEY } from './test-app.ts';

/** The test harness's usual key, so its helpers (logRequest…) keep working. */
export const FULL_KEY = TEST_KEY;
export const INGEST_KEY = 'test-ingest-key-0123456789';
export const READ_KEY = 'test-read-key-0123456789';

/** buildApp overrides that configure the three kinds of environment keys. */
export const CONFIGURED_KEYS = { apiKeys: [FULL_KEY], ingestKeys: [INGEST_KEY], readKeys: [READ_KEY] };

export interface Caller {
  label: string;
  headers: Record<string, string>;
}

/** Same-origin browser headers, as the dashboard's own fetches send them. */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' } as const;

export async function storedKey(store: Store, scope: KeyScope, name = `${scope} key`): Promise<string> {
  const key = `pl_${scope}_test_${Math.random().toString(36).slice(2)}${Date.now()}`;
  await store.auth.createKey(
    { name, keyHash: tokenDigest(key), prefix: key.slice(0, 12), scope, createdBy: 'test', expiresAt: null },
    Date.now(),
  );
  return key;
}

/** An account with a live session; returns the cookie header value. */
export async function signedIn(
  store: Store,
  role: Role,
  name = `${role} person`,
): Promise<{ cookie: string; id: number }> {
  const account = await store.auth.createAccount(
    {
      email: `${role}-${Math.random().toString(36).slice(2)}@example.test`,
      name,
      role,
      passwordHash: null,
      source: 'password',
    },
    Date.now(),
  );
  if (!account) throw new Error('could not create the test account');
  const token = `session${Math.random().toString(36).slice(2)}${Date.now()}xx`;
  await store.auth.createSession(tokenDigest(token), account.id, Date.now(), Date.now() + 3600_000);
  return { cookie: `promptlog_session=${token}`, id: account.id };
}

/** One caller of every kind, labelled by what it is. */
export async function everyCaller(store: Store): Promise<Caller[]> {
  const key = (label: string, value: string): Caller => ({ label, headers: { 'x-api-key': value } });
  const person = async (role: Role): Promise<Caller> => ({
    label: `${role} session`,
    headers: { cookie: (await signedIn(store, role)).cookie, ...SAME_ORIGIN },
  });
  return [
    { label: 'nobody', headers: {} },
    key('full-access key', FULL_KEY),
    key('configured ingest key', INGEST_KEY),
    key('configured read key', READ_KEY),
    key('stored ingest key', await storedKey(store, 'ingest')),
    key('stored read key', await storedKey(store, 'read')),
    key('stored annotate key', await storedKey(store, 'annotate')),
    key('stored admin key', await storedKey(store, 'admin')),
    await person('admin'),
    await person('annotator'),
    await person('viewer'),
  ];
}
