/**
 * A resolved insert is committed: SIGKILL the writing process mid-burst, reopen the file, and
 * every acknowledged request is there, whole, and the database passes an integrity check.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { emptyFilter } from '../../../contract/api.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'promptlog-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runUntilAcked(file: string, target: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'testing', 'durability-child.ts'), file],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acked: number[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) acked.push(Number(line));
      if (acked.length >= target && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited before the kill: ${stderr}`));
    });
  });
}

it('keeps every acknowledged insert after SIGKILL, and the file passes integrity_check', async () => {
  const file = join(dir, 'kill.db');
  const acked = await runUntilAcked(file, 1500);
  expect(acked.length).toBeGreaterThanOrEqual(1500);

  const db = new Database(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();

  const store = await openSqliteStore(file);
  try {
    const total = await store.countRequests(emptyFilter());
    expect(total).toBeGreaterThanOrEqual(acked.length);
    for (const id of [acked[0], acked[Math.floor(acked.length / 2)], acked.at(-1)] as number[]) {
      const detail = await store.getRequest(id);
      expect(detail?.id).toBe(id);
      expect(detail?.tags).toHaveLength(1);
      expect(Object.keys(detail?.metadata ?? {})).toEqual(['seq', 'writer']);
    }
    const listed = await store.listRequests({
      filter: emptyFilter(),
      sort: 'time',
      order: 'desc',
      limit: 500,
    });
    expect(listed.rows.length).toBe(Math.min(500, total));
    // Counters and full text agree with the rows that survived.
    const facets = await store.facets();
    expect(facets.statuses.reduce((sum, s) => sum + s.count, 0)).toBe(total);
    const byText = await store.countRequests({ ...emptyFilter(), q: 'weather' });
    expect(byText).toBe(total);
    const ids = new Set<number>();
    for await (const detail of store.exportRequests(emptyFilter(), { sort: 'time', order: 'asc' }))
      ids.add(detail.id);
    for (const id of acked) expect(ids.has(id)).toBe(true);
  } finally {
    await store.close();
  }
}, 60_000);
