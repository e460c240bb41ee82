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
