/**
 * Server configuration from the environment, with command-line flags that mirror it:
 *   PORT / --port (8787)   HOST / --host (127.0.0.1)   PROMPTLOG_DATA_DIR / --data-dir (./data)
 *   DATABASE_URL / --database-url   PROMPTLOG_API_KEYS (comma-separated extra keys)
 *   PROMPTLOG_LOG_LEVEL / --log-level (info)
 *   PROMPTLOG_INGEST_KEYS, PROMPTLOG_READ_KEYS (comma-separated scoped keys)
 *   PROMPTLOG_ADMIN_EMAIL + PROMPTLOG_ADMIN_PASSWORD (first admin, headless)
 *   PROMPTLOG_TRUSTED_HEADER + PROMPTLOG_TRUSTED_PROXIES (+ PROMPTLOG_TRUSTED_DEFAULT_ROLE)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PASSWORD_MIN, type Role, roleSchema } from '../contract/auth.ts';
import { MIN_API_KEY_LENGTH, parseApiKeyList } from './auth/api-keys.ts';
import { parseCidrList, TrustedProxies } from './auth/trusted-proxy.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  apiKeys: string[];
  ingestKeys: string[];
  readKeys: string[];
  admin: { email: string; password: string } | undefined;
  trustedProxy: { header: string; cidrs: string[]; defaultRole: Role } | undefined;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parsePort(raw: string, source: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 65_535) {
    throw new ConfigError(`${source}: expected a port number 0-65535, got "${raw}"`);
  }
  return Number(raw);
}

export function loadConfig(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'log-level': { type: 'string' },
    },
    strict: true,
  });
  const port =
    values.port !== undefined
      ? parsePort(values.port, '--port')
      : env.PORT
        ? parsePort(env.PORT, 'PORT')
        : 8787;
  const logLevel = values['log-level'] ?? env.PROMPTLOG_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`log level: expected one of ${LOG_LEVELS.join(', ')}`);
  const apiKeys = keyList(env, 'PROMPTLOG_API_KEYS');
  const ingestKeys = keyList(env, 'PROMPTLOG_INGEST_KEYS');
  const readKeys = keyList(env, 'PROMPTLOG_READ_KEYS');
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: resolve(values['data-dir'] ?? env.PROMPTLOG_DATA_DIR ?? './data'),
    databaseUrl: values['database-url'] ?? (env.DATABASE_URL || undefined),
    apiKeys,
    ingestKeys,
    readKeys,
    admin: adminFromEnv(env),
    trustedProxy: trustedProxyFromEnv(env),
    logLevel,
  };
}

function adminFromEnv(env: NodeJS.ProcessEnv): ServerConfig['admin'] {
  const email = env.PROMPTLOG_ADMIN_EMAIL?.trim();
  const password = env.PROMPTLOG_ADMIN_PASSWORD;
  if (!email && !password) return undefined;
  if (!email || !password)
    throw new ConfigError(
      'PROMPTLOG_ADMIN_EMAIL and PROMPTLOG_ADMIN_PASSWORD go together: set both or neither',
    );
  if (password.length < PASSWORD_MIN)
    throw new ConfigError(`PROMPTLOG_ADMIN_PASSWORD: at least ${PASSWORD_MIN} characters`);
  return { email: email.toLowerCase(), password };
}

function trustedProxyFromEnv(env: NodeJS.ProcessEnv): ServerConfig['trustedProxy'] {
  const header = env.PROMPTLOG_TRUSTED_HEADER?.trim();
  if (!header) return undefined;
  const cidrs = parseCidrList(env.PROMPTLOG_TRUSTED_PROXIES);
  if (cidrs.length === 0)
    throw new ConfigError(
      'PROMPTLOG_TRUSTED_HEADER needs PROMPTLOG_TRUSTED_PROXIES: the proxy addresses (CIDRs) allowed to set it',
    );
  try {
    new TrustedProxies(cidrs);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const role = roleSchema.safeParse(env.PROMPTLOG_TRUSTED_DEFAULT_ROLE ?? 'viewer');
  if (!role.success)
    throw new ConfigError('PROMPTLOG_TRUSTED_DEFAULT_ROLE: expected admin, annotator or viewer');
  return { header, cidrs, defaultRole: role.data };
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/** A configured key list; every key at least MIN_API_KEY_LENGTH characters. */
function keyList(env: NodeJS.ProcessEnv, name: string): string[] {
  const keys = parseApiKeyList(env[name]);
  const short = keys.find((key) => key.length < MIN_API_KEY_LENGTH);
  if (short !== undefined)
    throw new ConfigError(
      `${name}: every key needs at least ${MIN_API_KEY_LENGTH} characters (one has ${short.length}); generate one with: openssl rand -hex 24`,
    );
  return keys;
}
