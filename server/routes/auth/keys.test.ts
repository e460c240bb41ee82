/** Scoped keys end to end: created once, stored hashed, scoped, revoked, expired; attribution; audit log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenDigest } from '../../auth/secrets.ts';
import { type Sql, sql } from '../../store/sql/fragment.ts';
import {
  CONFIGURED_KEYS,
  FULL_KEY,
  INGEST_KEY,
  READ_KEY,
  SAME_ORIGIN,
  signedIn,
} from '../../testing/auth-fixtures.ts';
import { logBody } from '../../testing/factories.ts';
import { createTestApp, forEachStore, logRequest, type TestApp } from '../../testing/test-app.ts';

const ADMIN = { 'x-api-key': FULL_KEY };

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(CONFIGURED_KEYS, kind);
  });
  afterAll(() => t.close());

  const createKey = async (body: Record<string, unknown>) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/keys', headers: ADMIN, payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; key: string; scope: string; name: string };
  };

  it('shows a new key once and stores only its digest', async () => {
    const created = await createKey({ name: 'checkout service', scope: 'ingest' });
    expect(created.key).toMatch(/^pl_ingest_[\w-]{40,}$/);
    expect(created).toMatchObject({
      name: 'checkout service',
      scope: 'ingest',
      createdBy: 'key "full-access key #1"',
    });
    const list = await t.app.inject({ url: '/api/keys', headers: ADMIN });
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toContain(tokenDigest(created.key));
    expect(list.json().keys[0]).toMatchObject({
      id: created.id,
      prefix: created.key.slice(0, 14),
      lastUsedAt: null,
    });
    const audit = await t.app.inject({ url: '/api/audit', headers: ADMIN });
    expect(audit.body).not.toContain(created.key);
    expect(audit.json().entries[0]).toMatchObject({
      action: 'key_created',
      detail: { name: 'checkout service' },
    });
  });

  it('an ingest key logs and tracks but cannot read a request back', async () => {
    const { key } = await createKey({ name: 'app', scope: 'ingest' });
    for (const ingest of [key, INGEST_KEY]) {
      const logged = await t.app.inject({
        method: 'POST',
        url: '/log-request',
        headers: { 'x-api-key': ingest },
        payload: logBody(),
      });
      expect(logged.statusCode).toBe(201);
      const id = logged.json().id as number;
      const score = await t.app.inject({
        method: 'POST',
        url: '/library-track-score',
        payload: { api_key: ingest, request_id: id, score: 70, name: 'accuracy' },
      });
      expect(score.statusCode).toBe(200);
      for (const url of [
        '/api/requests',
        `/api/requests/${id}`,
        `/api/public/v2/requests/${id}`,
        '/api/facets',
      ]) {
        const read = await t.app.inject({ url, headers: { 'x-api-key': ingest } });
        expect(read.statusCode, url).toBe(403);
        expect(read.json()).toMatchObject({ success: false, error: 'forbidden' });
      }
    }
  });

  it('a read key in the body of a track call is 403, an unknown one 401', async () => {
    const id = await logRequest(t.app, logBody());
    const track = (api_key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/library-track-score',
        payload: { api_key, request_id: id, score: 5 },
      });
    expect((await track(READ_KEY)).statusCode).toBe(403);
    expect((await track('pl_nope')).statusCode).toBe(401);
    expect((await t.store.getRequest(id))?.scores).toEqual({});
  });

  it('a revoked key is refused on the next request; last-used is recorded', async () => {
    const { id, key } = await createKey({ name: 'to revoke', scope: 'read' });
    expect((await t.app.inject({ url: '/api/requests', headers: { 'x-api-key': key } })).statusCode).toBe(
      200,
    );
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/keys/${id}`, headers: ADMIN });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/requests', headers: { 'x-api-key': key } })).statusCode).toBe(
      401,
    );
    const listed = (await t.app.inject({ url: '/api/keys', headers: ADMIN }))
      .json()
      .keys.find((k: { id: number }) => k.id === id);
    expect(listed.lastUsedAt).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/audit', headers: ADMIN })).json().entries[0]).toMatchObject({
      action: 'key_revoked',
    });
  });

  it('an expired key is refused; an expiry in the past is a 400', async () => {
    const past = await t.app.inject({
      method: 'POST',
      url: '/api/keys',
      headers: ADMIN,
      payload: { name: 'x', scope: 'read', expiresAt: 1 },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toMatch(/^expiresAt:/);
    await t.store.auth.createKey(
      {
        name: 'old',
        keyHash: tokenDigest('pl_read_expired_key_000'),
        prefix: 'pl_read_',
        scope: 'read',
        createdBy: 't',
        expiresAt: Date.now() - 1,
      },
      Date.now() - 10,
    );
    expect(
      (await t.app.inject({ url: '/api/requests', headers: { 'x-api-key': 'pl_read_expired_key_000' } }))
        .statusCode,
    ).toBe(401);
  });

  it('bad key bodies are 400s naming the field', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/keys',
      headers: ADMIN,
      payload: { name: 'x', scope: 'root' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^scope:/);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/keys/424242', headers: ADMIN })).statusCode,
    ).toBe(404);
  });

  describe('attribution', () => {
    it('records who changed each score, tag and metadata key, and when', async () => {
      const id = await logRequest(t.app, logBody());
      const { cookie } = await signedIn(t.store, 'annotator', 'Ana');
      const headers = { cookie, ...SAME_ORIGIN };
      await t.app.inject({
        method: 'PUT',
        url: `/api/requests/${id}/scores/accuracy`,
        headers,
        payload: { value: 80 },
      });
      await t.app.inject({ method: 'PUT', url: `/api/requests/${id}/tags/reviewed`, headers });
      await t.app.inject({
        method: 'PUT',
        url: `/api/requests/${id}/metadata/verdict`,
        headers,
        payload: { value: 'ok' },
      });
      await t.app.inject({ method: 'DELETE', url: `/api/requests/${id}/tags/reviewed`, headers });
      await t.app.inject({
        method: 'POST',
        url: '/rest/track-score',
        headers: { 'x-api-key': INGEST_KEY },
        payload: { request_id: id, score: 30 },
      });
      const history = await t.app.inject({
        url: `/api/requests/${id}/history`,
        headers: { 'x-api-key': READ_KEY },
      });
      expect(history.statusCode).toBe(200);
      const events = history.json().events as {
        kind: string;
        name: string;
        value: string | null;
        actor: string;
        at: number;
      }[];
      expect(events.map((e) => [e.kind, e.name, e.value, e.actor])).toEqual([
        ['score', 'default', '30', 'key "ingest key #1"'],
        ['tag', 'reviewed', null, 'Ana'],
        ['metadata', 'verdict', 'ok', 'Ana'],
        ['tag', 'reviewed', 'reviewed', 'Ana'],
        ['score', 'accuracy', '80', 'Ana'],
      ]);
      expect(events.every((e) => e.at > Date.now() - 60_000)).toBe(true);
    });
  });

  describe('audit log', () => {
    it('records deletes with their filter and row count, and exports with rows when downloaded', async () => {
      await logRequest(t.app, logBody({ tags: ['gone'] }));
      await logRequest(t.app, logBody({ tags: ['gone'] }));
      const del = await t.app.inject({ method: 'DELETE', url: '/api/requests?tag=gone', headers: ADMIN });
      expect(del.json()).toEqual({ deleted: 2 });
      const { cookie } = await signedIn(t.store, 'viewer', 'Vi');
      const link = await t.app.inject({
        method: 'POST',
        url: '/api/exports',
        headers: { cookie, ...SAME_ORIGIN },
        payload: { format: 'jsonl', query: 'model=gpt-4o' },
      });
      expect(link.statusCode).toBe(200);
      const download = await t.app.inject({ url: link.json().url });
      expect(download.statusCode).toBe(200);
      const rows = download.body.trim().split('\n').length;
      const entries = (await t.app.inject({ url: '/api/audit?limit=5', headers: ADMIN })).json().entries;
      expect(entries[0]).toMatchObject({
        actor: 'Vi',
        action: 'export',
        detail: { format: 'jsonl', filter: 'model=gpt-4o', rows, complete: true },
      });
      expect(entries[1]).toMatchObject({
        action: 'delete_requests',
        detail: { filter: 'tag=gone', rows: 2 },
      });
    });

    it('is append-only: the database refuses updates and deletes', async () => {
      await t.store.auth.appendAudit({ at: 1, actor: 'x', action: 'test', detail: {} });
      // The store has no update or delete for it; reach under it to show the schema refuses too.
      const db = (t.store.auth as unknown as { db: { run: (fragment: Sql) => Promise<number> } }).db;
      await expect(db.run(sql`UPDATE audit_log SET actor = 'y'`)).rejects.toThrow(/append-only/);
      await expect(db.run(sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    });

    it('is for admins only, in pages', async () => {
      const { cookie } = await signedIn(t.store, 'annotator');
      expect((await t.app.inject({ url: '/api/audit', headers: { cookie } })).statusCode).toBe(403);
      const first = (await t.app.inject({ url: '/api/audit?limit=2', headers: ADMIN })).json();
      expect(first.entries).toHaveLength(2);
      const next = (
        await t.app.inject({ url: `/api/audit?limit=2&before=${first.nextBefore}`, headers: ADMIN })
      ).json();
      expect(next.entries[0].id).toBeLessThan(first.entries[1].id + 1);
      expect((await t.app.inject({ url: '/api/audit?limit=0', headers: ADMIN })).statusCode).toBe(400);
    });
  });
});
