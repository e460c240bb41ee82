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
import { logBody } from './routes/test-app.ts';
import { type SpawnedServer, spawnServer } from './spawn-server.test-helper.ts';

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
});
