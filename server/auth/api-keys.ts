/**
 * API keys: one generated on first start and kept in `<dataDir>/api-key` (mode 600), plus any
 * given by PROMPTLOG_API_KEYS. Keys are compared in constant time and never logged.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const API_KEY_FILE = 'api-key';

export function generateApiKey(): string {
  return `pl_${randomBytes(24).toString('base64url')}`;
}

/** Reads the data dir's key, creating it (exclusively, mode 600) when there is none yet. */
export function loadOrCreateApiKey(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, API_KEY_FILE);
  const existing = readKey(file);
  if (existing) return existing;
  try {
    writeFileSync(file, `${generateApiKey()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const created = readKey(file);
  if (!created) throw new Error(`could not read the API key file ${file}`);
  return created;
}

function readKey(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Splits PROMPTLOG_API_KEYS ("k1, k2") into keys. */
export function parseApiKeyList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
}

export type KeyVerifier = (candidate: string | undefined) => boolean;

/**
 * Both sides are hashed with a per-process secret prefix first (SHA-256 of secret + value; the
 * digests never leave the process), so every comparison is between equal-length digests and
 * `timingSafeEqual` leaks neither the key nor its length. Every key is checked, so the time does
 * not depend on which one matched. The one-shot `crypto.hash` costs ~0.6 µs per request where
 * an HMAC object cost ~3 µs.
 */
export function createKeyVerifier(keys: readonly string[]): KeyVerifier {
  const secret = randomBytes(32).toString('hex');
  const digest = (value: string): Buffer => hash('sha256', secret + value, 'buffer');
  const known = [...new Set(keys.filter((key) => key !== ''))].map(digest);
  return (candidate) => {
    if (typeof candidate !== 'string' || candidate === '') return false;
    const presented = digest(candidate);
    let match = false;
    for (const key of known) match = timingSafeEqual(key, presented) || match;
    return match;
  };
}
