import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API_KEY_FILE,
  configuredKeys,
  createConfiguredKeyMatcher,
  loadOrCreateApiKey,
  parseApiKeyList,
} from './api-keys.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'promptlog-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateApiKey', () => {
  it('creates a random key with mode 600 on first start and reuses it', () => {
    const dir = tempDir();
    const key = loadOrCreateApiKey(join(dir, 'nested'));
    expect(key).toMatch(/^pl_[\w-]{32}$/);
    const file = join(dir, 'nested', API_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
    expect(loadOrCreateApiKey(join(dir, 'nested'))).toBe(key);
    expect(loadOrCreateApiKey(tempDir())).not.toBe(key);
  });

  it('uses a key the operator wrote into the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, API_KEY_FILE), '  my-own-key\n');
    expect(loadOrCreateApiKey(dir)).toBe('my-own-key');
  });
});

describe('createConfiguredKeyMatcher', () => {
  const match = createConfiguredKeyMatcher(
    configuredKeys({ full: ['alpha', ''], ingest: ['beta-key'], read: ['gamma'] }),
  );

  it('accepts exactly the configured keys and says which scope each has', () => {
    expect(match('alpha')).toEqual({ key: 'alpha', scope: 'full', name: 'full-access key #1' });
    expect(match('beta-key')?.scope).toBe('ingest');
    expect(match('gamma')?.scope).toBe('read');
    expect(match('alph')).toBeUndefined();
    expect(match('alphaa')).toBeUndefined();
    expect(match('')).toBeUndefined();
  });

  it('accepts nothing when no key is configured', () => {
    expect(createConfiguredKeyMatcher([])('anything')).toBeUndefined();
  });
});

describe('parseApiKeyList', () => {
  it('splits on commas and drops blanks', () => {
    expect(parseApiKeyList(' a ,b,, c')).toEqual(['a', 'b', 'c']);
    expect(parseApiKeyList(undefined)).toEqual([]);
  });
});
