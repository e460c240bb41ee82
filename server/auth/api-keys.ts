/**
 * API keys: one generated on first start and kept in `<dataDir>/api-key` (mode 600), plus any
 * given by PROMPTLOG_API_KEYS. Keys are compared in constant time and never logged.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const API_KEY_FILE = 'api-key';
/** Shorter keys are refused in PROMPTLOG_API_KEYS: they can be guessed. */
export const MIN_API_KEY_LENGTH = 20;

export function generateApiKey(): string {
  return `pl_${randomBytes(24).toString('base64url')}`;
}

/** Reads the data dir's key, creating it (exclusively, mode 600) when there is none yet. */
export function loadOrCreateApiKey(dataDir: string): string {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, API_KEY_FILE);
  const existing = readKey(file);
  if (existing) {
    tightenKeyFile(file);
    return existing;
  }
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

/** The data directory holds the key and the database: only its owner may enter it. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** A key file others can read is tightened to 600, and the server says so. */
function tightenKeyFile(file: string): void {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  chmodSync(file, 0o600);
  process.stderr.write(
    `promptlog: ${file} was readable by others (mode ${mode.toString(8)}); changed it to 600. If others could read it, replace the key.\n`,
  );
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

/** A key given by environment or file: full access, or one scope for infrastructure-as-code. */
export interface ConfiguredKey {
  key: string;
  scope: 'full' | 'ingest' | 'read';
  /** Shown as the author of what the key writes (never the key itself). */
  name: string;
}

export type ConfiguredKeyMatcher = (candidate: string) => ConfiguredKey | undefined;

/** Constant-time match against every configured key; says which one matched. */
export function createConfiguredKeyMatcher(keys: readonly ConfiguredKey[]): ConfiguredKeyMatcher {
  const secret = randomBytes(32).toString('hex');
  const digest = (value: string): Buffer => hash('sha256', secret + value, 'buffer');
  const known = keys
    .filter((entry) => entry.key !== '')
    .map((entry) => ({ entry, digest: digest(entry.key) }));
  return (candidate) => {
    if (candidate === '') return undefined;
    const presented = digest(candidate);
    let match: ConfiguredKey | undefined;
    for (const { entry, digest: key } of known) if (timingSafeEqual(key, presented) && !match) match = entry;
    return match;
  };
}

/** Full-access keys (the generated one, PROMPTLOG_API_KEYS), PROMPTLOG_INGEST_KEYS, PROMPTLOG_READ_KEYS. */
export function configuredKeys(lists: {
  full?: readonly string[] | undefined;
  ingest?: readonly string[] | undefined;
  read?: readonly string[] | undefined;
}): ConfiguredKey[] {
  const named = (keys: readonly string[] | undefined, scope: ConfiguredKey['scope'], label: string) =>
    (keys ?? []).map((key, i) => ({ key, scope, name: `${label} key #${i + 1}` }));
  return [
    ...named(lists.full, 'full', 'full-access'),
    ...named(lists.ingest, 'ingest', 'ingest'),
    ...named(lists.read, 'read', 'read'),
  ];
}
