import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args.ts';

describe('parseBenchArgs', () => {
  it('defaults to 1,000,000 rows on SQLite with 200 samples', () => {
    expect(parseBenchArgs([], {})).toEqual({
      rows: 1_000_000,
      store: 'sqlite',
      databaseUrl: undefined,
      skipBrowser: false,
      samples: 200,
      ingestCount: 20_000,
      templates: 1000,
      templateVersions: 20,
      otlpBatches: 80,
      only: undefined,
      busy: false,
    });
  });

  it('reads --busy', () => {
    expect(parseBenchArgs(['--busy'], {}).busy).toBe(true);
  });

  it('reads the prompt registry size', () => {
    const args = parseBenchArgs(['--templates', '50', '--template-versions', '3'], {});
    expect([args.templates, args.templateVersions]).toEqual([50, 3]);
  });

  it('reads every flag', () => {
    const args = parseBenchArgs(
      ['--rows', '100_000', '--store', 'postgres', '--skip-browser', '--samples', '50', '--ingest', '500'],
      { DATABASE_URL: 'postgres://u@h/db' },
    );
    expect(args).toMatchObject({
      rows: 100_000,
      store: 'postgres',
      databaseUrl: 'postgres://u@h/db',
      skipBrowser: true,
      samples: 50,
      ingestCount: 500,
    });
  });

  it('rejects bad values with a message naming the flag', () => {
    expect(() => parseBenchArgs(['--rows', '0'], {})).toThrow(/--rows/);
    expect(() => parseBenchArgs(['--samples', 'many'], {})).toThrow(/--samples/);
    expect(() => parseBenchArgs(['--store', 'mysql'], {})).toThrow(/--store/);
    expect(() => parseBenchArgs(['--store', 'postgres'], {})).toThrow(/DATABASE_URL/);
    expect(() => parseBenchArgs(['--nope'], {})).toThrow();
  });

  it('ignores DATABASE_URL for SQLite', () => {
    expect(parseBenchArgs([], { DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBeUndefined();
  });
});
