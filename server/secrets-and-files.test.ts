/**
 * Secrets and files (issue #8, item 12): the data directory is 700 and the database files 600, a
 * loose key file is tightened, short keys are refused, request logs carry no query string and no
 * export token however the path is spelled.
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { redactUrl } from './app.ts';
import { loadOrCreateApiKey } from './auth/api-keys.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openSqliteStore } from './store/sqlite/index.ts';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const roots: string[] = [];
const tempRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'promptlog-files-'));
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

it('a new data directory is 700, the key 600, the database and its WAL/SHM 600', async () => {
  const dataDir = join(tempRoot(), 'data');
  loadOrCreateApiKey(dataDir);
  const store = await openSqliteStore(join(dataDir, 'promptlog.db'), { reads: false });
  try {
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'api-key'))).toBe('600');
    for (const file of ['promptlog.db', 'promptlog.db-wal', 'promptlog.db-shm'])
      expect(mode(join(dataDir, file)), file).toBe('600');
  } finally {
    await store.close();
  }
});

it('a key file readable by others is tightened to 600', () => {
  const dataDir = tempRoot();
  writeFileSync(join(dataDir, 'api-key'), 'pl_0123456789abcdefghijklmnop\n');
  chmodSync(join(dataDir, 'api-key'), 0o644);
  expect(loadOrCreateApiKey(dataDir)).toBe('pl_0123456789abcdefghijklmnop');
  expect(mode(join(dataDir, 'api-key'))).toBe('600');
});

it('PROMPTLOG_API_KEYS with a key under 20 characters is refused', () => {
  expect(() => loadConfig([], { PROMPTLOG_API_KEYS: 'short-key' })).toThrow(ConfigError);
  expect(() => loadConfig([], { PROMPTLOG_API_KEYS: 'short-key' })).toThrow(/at least 20 characters/);
  expect(loadConfig([], { PROMPTLOG_API_KEYS: 'k'.repeat(20) }).apiKeys).toEqual(['k'.repeat(20)]);
});

it('logged URLs carry no query string and no export token, however spelled', () => {
  expect(redactUrl('/api/requests?api_key=secret&q=x')).toBe('/api/requests?<redacted>');
  for (const path of [
    '/api/exports/TOKEN',
    '//api/exports/TOKEN',
    '/API/Exports/TOKEN',
    '/api//exports/TOKEN',
    '/api%2Fexports%2FTOKEN',
  ])
    expect(redactUrl(`${path}?_sig=SIG`), path).not.toMatch(/TOKEN|SIG/);
});
