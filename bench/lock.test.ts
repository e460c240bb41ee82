import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from './lock.ts';

describe('acquireLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'promptlog-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a free lock, refuses a held one, and frees it on release', () => {
    const path = join(dir, 'a.lock');
    const release = acquireLock(path);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    expect(() => acquireLock(path)).toThrow(`pid ${process.pid}`);
    release();
    expect(existsSync(path)).toBe(false);
    acquireLock(path)();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const path = join(dir, 'b.lock');
    writeFileSync(path, '2147483646');
    const release = acquireLock(path);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    release();
  });
});
