/**
 * Issue 2 item 10: a 201 from /log-request means committed. SIGKILL the real server in the
 * middle of a burst of concurrent logging, restart it on the same data dir, and every
 * acknowledged id must be there, in a database that passes PRAGMA integrity_check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { logBody } from './testing/factories.ts';
import { type SpawnedServer, spawnServer } from './testing/spawn-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'promptlog-durability-'));
const running: SpawnedServer[] = [];
afterAll(() => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const CLIENTS = 16;
const KILL_AFTER = 400;

describe('durability', () => {
  it('loses no acknowledged request when SIGKILLed mid-burst', async () => {
    const first = await spawnServer(dataDir);
    running.push(first);
    const acknowledged: number[] = [];
    let killed = false;

    const client = async (n: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const response = await fetch(`${first.url}/log-request`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': first.apiKey },
            body: JSON.stringify(logBody({ tags: [`client-${n}`], metadata: { seq: String(i) } })),
          });
          if (response.status === 201) {
            acknowledged.push(((await response.json()) as { id: number }).id);
            if (acknowledged.length >= KILL_AFTER && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          }
        } catch (error) {
          // Connections cut by the kill are expected; anything before it is a failure.
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const db = new Database(join(dataDir, 'promptlog.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    const second = await spawnServer(dataDir);
    running.push(second);
    expect(second.apiKey).toBe(first.apiKey);
    const missing: number[] = [];
    for (const id of acknowledged) {
      const response = await fetch(`${second.url}/api/requests/${id}`, {
        headers: { 'x-api-key': second.apiKey },
      });
      if (response.status !== 200) missing.push(id);
      else await response.arrayBuffer();
    }
    expect(missing).toEqual([]);
    const count = (await (
      await fetch(`${second.url}/api/requests/count`, { headers: { 'x-api-key': second.apiKey } })
    ).json()) as { total: number };
    expect(count.total).toBeGreaterThanOrEqual(acknowledged.length);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 90_000);

  it('drains in-flight requests on SIGTERM: no 5xx, every acknowledged request kept, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptlog-drain-'));
    try {
      const server = await spawnServer(dir);
      running.push(server);
      const statuses: number[] = [];
      const acknowledged: number[] = [];
      let stop = false;
      const client = async () => {
        while (!stop) {
          try {
            const response = await fetch(`${server.url}/log-request`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
              body: JSON.stringify(logBody()),
            });
            statuses.push(response.status);
            if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
          } catch {
            stop = true; // refused or closed: the server has stopped accepting
          }
        }
      };
      const clients = Promise.all(Array.from({ length: 8 }, client));
      while (acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 5));
      server.child.kill('SIGTERM');
      await clients;
      const histogram = statuses.reduce<Record<number, number>>((counts, status) => {
        counts[status] = (counts[status] ?? 0) + 1;
        return counts;
      }, {});
      expect(await server.exited, `${JSON.stringify(histogram)}\n${server.output()}`).toEqual({
        code: 0,
        signal: null,
      });
      expect(statuses.filter((status) => status >= 500)).toEqual([]);

      const again = await spawnServer(dir);
      running.push(again);
      const total = (await (
        await fetch(`${again.url}/api/requests/count`, { headers: { 'x-api-key': again.apiKey } })
      ).json()) as { total: number };
      expect(total.total).toBeGreaterThanOrEqual(acknowledged.length);
      for (const id of acknowledged.slice(-20)) {
        const response = await fetch(`${again.url}/api/requests/${id}`, {
          headers: { 'x-api-key': again.apiKey },
        });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      again.child.kill('SIGTERM');
      await again.exited;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
