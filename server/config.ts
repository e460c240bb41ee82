/**
 * Server configuration from the environment, with command-line flags that mirror it:
 *   PORT / --port (8787)   HOST / --host (127.0.0.1)   PROMPTLOG_DATA_DIR / --data-dir (./data)
 *   DATABASE_URL / --database-url   PROMPTLOG_API_KEYS (comma-separated extra keys)
 *   PROMPTLOG_LOG_LEVEL / --log-level (info)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIN_API_KEY_LENGTH, parseApiKeyList } from './auth/api-keys.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  apiKeys: string[];
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
  const apiKeys = parseApiKeyList(env.PROMPTLOG_API_KEYS);
  const short = apiKeys.find((key) => key.length < MIN_API_KEY_LENGTH);
  if (short !== undefined)
    throw new ConfigError(
      `PROMPTLOG_API_KEYS: every key needs at least ${MIN_API_KEY_LENGTH} characters (one has ${short.length}); generate one with: openssl rand -hex 24`,
    );
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: resolve(values['data-dir'] ?? env.PROMPTLOG_DATA_DIR ?? './data'),
    databaseUrl: values['database-url'] ?? (env.DATABASE_URL || undefined),
    apiKeys,
    logLevel,
  };
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}
