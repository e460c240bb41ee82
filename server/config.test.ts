import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig([], {})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: undefined,
      apiKeys: [],
      ingestKeys: [],
      readKeys: [],
      admin: undefined,
      trustedProxy: undefined,
      logLevel: 'info',
    });
  });

  it('reads the environment, and flags override it', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      PROMPTLOG_DATA_DIR: '/tmp/pl',
      DATABASE_URL: 'postgres://db/x',
      PROMPTLOG_API_KEYS: 'key-a-0123456789abcdef, key-b-0123456789abcdef,,key-c-0123456789abcdef ',
      PROMPTLOG_LOG_LEVEL: 'warn',
    };
    expect(loadConfig([], env)).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/tmp/pl',
      databaseUrl: 'postgres://db/x',
      apiKeys: ['key-a-0123456789abcdef', 'key-b-0123456789abcdef', 'key-c-0123456789abcdef'],
      ingestKeys: [],
      readKeys: [],
      admin: undefined,
      trustedProxy: undefined,
      logLevel: 'warn',
    });
    const flags = [
      '--port',
      '0',
      '--host',
      '::1',
      '--data-dir',
      '/tmp/other',
      '--database-url',
      'postgresql://y',
    ];
    expect(loadConfig(flags, env)).toMatchObject({
      port: 0,
      host: '::1',
      dataDir: '/tmp/other',
      databaseUrl: 'postgresql://y',
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig([], { DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    [['--port', 'abc'], {}],
    [[], { PORT: '70000' }],
    [[], { PORT: '-1' }],
    [['--log-level', 'loud'], {}],
  ])('refuses bad values %j %j', (argv, env) => {
    expect(() => loadConfig(argv, env)).toThrow(ConfigError);
  });

  it('refuses unknown flags', () => {
    expect(() => loadConfig(['--prot', '1'], {})).toThrow();
  });
});

describe('loadConfig: keys, first admin and proxy sign-in', () => {
  it('reads scoped key lists, the headless admin and the trusted proxy', () => {
    const config = loadConfig([], {
      PROMPTLOG_INGEST_KEYS: 'ingest-1-0123456789abc, ingest-2-0123456789abc',
      PROMPTLOG_READ_KEYS: 'read-1-0123456789abcdef',
      PROMPTLOG_ADMIN_EMAIL: 'Ana@Example.test',
      PROMPTLOG_ADMIN_PASSWORD: 'long enough secret',
      PROMPTLOG_TRUSTED_HEADER: 'X-Forwarded-Email',
      PROMPTLOG_TRUSTED_PROXIES: '10.0.0.0/8, ::1',
    });
    expect(config.ingestKeys).toEqual(['ingest-1-0123456789abc', 'ingest-2-0123456789abc']);
    expect(config.readKeys).toEqual(['read-1-0123456789abcdef']);
    expect(config.admin).toEqual({ email: 'ana@example.test', password: 'long enough secret' });
    expect(config.trustedProxy).toEqual({
      header: 'X-Forwarded-Email',
      cidrs: ['10.0.0.0/8', '::1'],
      defaultRole: 'viewer',
    });
  });

  it('refuses half or unsafe settings with a message naming the variable', () => {
    expect(() => loadConfig([], { PROMPTLOG_ADMIN_EMAIL: 'a@b.c' })).toThrow(/PROMPTLOG_ADMIN_PASSWORD/);
    expect(() =>
      loadConfig([], { PROMPTLOG_ADMIN_EMAIL: 'a@b.c', PROMPTLOG_ADMIN_PASSWORD: 'short' }),
    ).toThrow(/at least 10/);
    expect(() => loadConfig([], { PROMPTLOG_TRUSTED_HEADER: 'X-Email' })).toThrow(
      /PROMPTLOG_TRUSTED_PROXIES/,
    );
    expect(() =>
      loadConfig([], { PROMPTLOG_TRUSTED_HEADER: 'X-Email', PROMPTLOG_TRUSTED_PROXIES: '10.0.0.0/99' }),
    ).toThrow(/prefix/);
    expect(() =>
      loadConfig([], {
        PROMPTLOG_TRUSTED_HEADER: 'X-Email',
        PROMPTLOG_TRUSTED_PROXIES: '10.0.0.1',
        PROMPTLOG_TRUSTED_DEFAULT_ROLE: 'root',
      }),
    ).toThrow(/PROMPTLOG_TRUSTED_DEFAULT_ROLE/);
  });
});
