/** Sign-in, sessions, setup link, CSRF, fixation, rate limits and trusted-proxy sign-in, on both stores. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/passwords.ts';
import { tokenDigest } from '../../auth/secrets.ts';
import { CONFIGURED_KEYS, SAME_ORIGIN, signedIn } from '../../testing/auth-fixtures.ts';
import { logBody } from '../../testing/factories.ts';
import { createTestApp, forEachStore, logRequest, type TestApp } from '../../testing/test-app.ts';

const PASSWORD = 'correct horse battery staple';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const match = /^(promptlog_session=[^;]*)/.exec(header ?? '');
  if (!match?.[1]) throw new Error(`no session cookie in ${String(header)}`);
  return match[1];
}

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      {
        ...CONFIGURED_KEYS,
        trustedProxy: { header: 'X-Forwarded-Email', cidrs: ['10.1.0.0/16'], defaultRole: 'viewer' },
      },
      kind,
    );
  });
  afterAll(() => t.close());

  async function account(
    email: string,
    role: 'admin' | 'annotator' | 'viewer',
    name = email.split('@')[0] ?? email,
  ) {
    const created = await t.store.auth.createAccount(
      { email, name, role, passwordHash: await hashPassword(PASSWORD), source: 'password' },
      Date.now(),
    );
    if (!created) throw new Error('duplicate');
    return created;
  }

  const signIn = (
    email: string,
    password: string,
    headers: Record<string, string> = {},
    remoteAddress?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password },
      headers,
      ...(remoteAddress ? { remoteAddress } : {}),
    });

  describe('first-run setup', () => {
    it('creates the first admin once, with the one-time token, and signs them in', async () => {
      const fresh = await createTestApp({}, kind);
      try {
        expect((await fresh.app.inject({ url: '/api/setup' })).json()).toEqual({ needed: true });
        await fresh.store.auth.addSetupToken(tokenDigest('the-setup-token'), Date.now());
        const body = { token: 'the-setup-token', email: 'Ana@Example.test', name: 'Ana', password: PASSWORD };
        const wrong = await fresh.app.inject({
          method: 'POST',
          url: '/api/setup',
          payload: { ...body, token: 'guess' },
        });
        expect(wrong.statusCode).toBe(403);
        const short = await fresh.app.inject({
          method: 'POST',
          url: '/api/setup',
          payload: { ...body, password: 'short' },
        });
        expect(short.statusCode).toBe(400);
        expect(short.json().message).toMatch(/^password:/);
        const made = await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: body });
        expect(made.statusCode).toBe(200);
        expect(made.json()).toMatchObject({
          kind: 'account',
          name: 'Ana',
          email: 'ana@example.test',
          role: 'admin',
        });
        const cookie = sessionCookie(made.headers['set-cookie']);
        expect(String(made.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Lax/);
        const me = await fresh.app.inject({ url: '/api/session', headers: { cookie } });
        expect(me.json()).toMatchObject({
          role: 'admin',
          permissions: ['ingest', 'read', 'annotate', 'admin'],
        });
        const again = await fresh.app.inject({
          method: 'POST',
          url: '/api/setup',
          payload: { ...body, email: 'eve@x.test' },
        });
        expect(again.statusCode).toBe(403);
        expect((await fresh.app.inject({ url: '/api/setup' })).json()).toEqual({ needed: false });
      } finally {
        await fresh.close();
      }
    });
  });

  describe('sign-in', () => {
    it('answers a wrong password and an unknown email alike, and signs in with the right one', async () => {
      await account('bo@example.test', 'viewer', 'Bo');
      const wrong = await signIn('bo@example.test', 'not the password', {}, '10.9.0.1');
      const unknown = await signIn('nobody@example.test', PASSWORD, {}, '10.9.0.1');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.body).toBe(unknown.body);
      const ok = await signIn('BO@example.test', PASSWORD, {}, '10.9.0.1');
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ name: 'Bo', role: 'viewer', permissions: ['read'] });
      expect(ok.body).not.toMatch(/scrypt|password/i);
      const cookie = sessionCookie(ok.headers['set-cookie']);
      expect((await t.app.inject({ url: '/api/requests', headers: { cookie } })).statusCode).toBe(200);
    });

    it('a viewer cannot write: 403 JSON and nothing written', async () => {
      const id = await logRequest(t.app, logBody());
      const { cookie } = await signedIn(t.store, 'viewer');
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/requests/${id}/scores/accuracy`,
        headers: { cookie, ...SAME_ORIGIN },
        payload: { value: 20 },
      });
      expect(put.statusCode).toBe(403);
      expect(put.json()).toMatchObject({ success: false, error: 'forbidden' });
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/requests?tag=x`,
        headers: { cookie, ...SAME_ORIGIN },
      });
      expect(del.statusCode).toBe(403);
      expect((await t.store.getRequest(id))?.scores).toEqual({});
    });

    it('never adopts a session id the browser brought (fixation)', async () => {
      await account('cy@example.test', 'viewer');
      const planted = 'promptlog_session=attacker-chosen-session-id-0001';
      const ok = await signIn('cy@example.test', PASSWORD, { cookie: planted }, '10.9.0.2');
      const cookie = sessionCookie(ok.headers['set-cookie']);
      expect(cookie).not.toBe(planted);
      expect((await t.app.inject({ url: '/api/requests', headers: { cookie: planted } })).statusCode).toBe(
        401,
      );
      expect((await t.app.inject({ url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
    });

    it('refuses cross-site writes made with a session cookie (CSRF) and cross-site sign-in', async () => {
      const id = await logRequest(t.app, logBody());
      const { cookie } = await signedIn(t.store, 'annotator');
      const put = (headers: Record<string, string>) =>
        t.app.inject({
          method: 'PUT',
          url: `/api/requests/${id}/tags/csrf`,
          headers: { cookie, ...headers },
        });
      expect((await put({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
      expect((await put({ origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await put({})).statusCode).toBe(403);
      expect((await t.store.getRequest(id))?.tags).toEqual([]);
      expect((await put({ origin: 'http://localhost:80' })).statusCode).toBe(200);
      expect((await put(SAME_ORIGIN)).statusCode).toBe(200);
      const login = await signIn('x@example.test', PASSWORD, { origin: 'https://evil.example' });
      expect(login.statusCode).toBe(403);
    });

    it('signs out: the cookie is cleared and the session no longer works anywhere', async () => {
      const { cookie } = await signedIn(t.store, 'viewer');
      const out = await t.app.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { cookie, ...SAME_ORIGIN },
      });
      expect(out.statusCode).toBe(200);
      expect(String(out.headers['set-cookie'])).toMatch(/promptlog_session=;.*Max-Age=0/);
      expect((await t.app.inject({ url: '/api/requests', headers: { cookie } })).statusCode).toBe(401);
    });

    it('an expired session and a disabled account are refused', async () => {
      const who = await account('dee@example.test', 'viewer');
      await t.store.auth.createSession(
        tokenDigest('expired-session-token-0001'),
        who.id,
        Date.now() - 10,
        Date.now() - 1,
      );
      const expired = await t.app.inject({
        url: '/api/requests',
        headers: { cookie: 'promptlog_session=expired-session-token-0001' },
      });
      expect(expired.statusCode).toBe(401);
      const { cookie, id } = await signedIn(t.store, 'viewer');
      expect((await t.app.inject({ url: '/api/requests', headers: { cookie } })).statusCode).toBe(200);
      const { cookie: admin } = await signedIn(t.store, 'admin');
      const disable = await t.app.inject({
        method: 'PATCH',
        url: `/api/accounts/${id}`,
        headers: { cookie: admin, ...SAME_ORIGIN },
        payload: { disabled: true },
      });
      expect(disable.statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/requests', headers: { cookie } })).statusCode).toBe(401);
    });

    it('a role change applies on the next request', async () => {
      const { cookie, id } = await signedIn(t.store, 'viewer');
      const probe = () =>
        t.app.inject({ method: 'PUT', url: '/api/requests/1/tags/x', headers: { cookie, ...SAME_ORIGIN } });
      expect((await probe()).statusCode).toBe(403);
      await t.app.inject({
        method: 'PATCH',
        url: `/api/accounts/${id}`,
        headers: { 'x-api-key': CONFIGURED_KEYS.apiKeys[0] as string },
        payload: { role: 'annotator' },
      });
      expect((await probe()).statusCode).not.toBe(403);
    });

    it('rate-limits 1,000 wrong passwords from one address (429 JSON) without locking out others', async () => {
      await account('target@example.test', 'viewer');
      await account('other@example.test', 'viewer');
      const codes: number[] = [];
      for (let i = 0; i < 1000; i += 1) {
        const response = await signIn(`guess${i % 7}@example.test`, `wrong-${i}`, {}, '10.66.0.1');
        codes.push(response.statusCode);
        if (response.statusCode === 429)
          expect(response.json()).toMatchObject({ success: false, error: 'rate_limited' });
      }
      expect(codes.filter((code) => code === 401).length).toBeLessThanOrEqual(20);
      expect(codes.filter((code) => code === 429).length).toBeGreaterThanOrEqual(980);
      // The address is blocked even with the right password; another address is not.
      expect((await signIn('other@example.test', PASSWORD, {}, '10.66.0.1')).statusCode).toBe(429);
      expect((await signIn('other@example.test', PASSWORD, {}, '10.66.0.2')).statusCode).toBe(200);
    });

    it('rate-limits guesses at one account from many addresses', async () => {
      await account('victim@example.test', 'viewer');
      const codes: number[] = [];
      for (let i = 0; i < 15; i += 1)
        codes.push((await signIn('victim@example.test', `nope-${i}`, {}, `10.77.0.${i + 1}`)).statusCode);
      expect(codes.slice(0, 10).every((code) => code === 401)).toBe(true);
      expect(codes.slice(10).every((code) => code === 429)).toBe(true);
    });
  });

  describe('trusted proxy header', () => {
    it('signs in the person a trusted proxy names, creating the account with the default role', async () => {
      const headers = { 'x-forwarded-email': 'Proxy.User@Example.test' };
      const from = (remoteAddress: string, extra: Record<string, string> = {}) =>
        t.app.inject({ url: '/api/session', headers: { ...headers, ...extra }, remoteAddress });
      const trusted = await from('10.1.2.3');
      expect(trusted.statusCode).toBe(200);
      expect(trusted.json()).toMatchObject({ email: 'proxy.user@example.test', role: 'viewer' });
      const list = await t.app.inject({ url: '/api/requests', headers, remoteAddress: '10.1.2.3' });
      expect(list.statusCode).toBe(200);
      expect((await t.store.auth.findAccountByEmail('proxy.user@example.test'))?.source).toBe('proxy');
    });

    it('ignores the header from anywhere else, whatever X-Forwarded-For says', async () => {
      const headers = { 'x-forwarded-email': 'admin@example.test', 'x-forwarded-for': '10.1.2.3' };
      expect(
        (await t.app.inject({ url: '/api/requests', headers, remoteAddress: '192.168.1.5' })).statusCode,
      ).toBe(401);
      expect(
        (await t.app.inject({ url: '/api/requests', headers, remoteAddress: '::ffff:10.2.0.1' })).statusCode,
      ).toBe(401);
      expect(await t.store.auth.findAccountByEmail('admin@example.test')).toBeNull();
    });

    it('accepts an IPv4-mapped IPv6 peer inside the range', async () => {
      const response = await t.app.inject({
        url: '/api/session',
        headers: { 'x-forwarded-email': 'mapped@example.test' },
        remoteAddress: '::ffff:10.1.9.9',
      });
      expect(response.statusCode).toBe(200);
    });
  });
});
