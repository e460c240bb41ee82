import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, KEY_HEADER, type TestApp } from '../testing/test-app.ts';
import { prettyLogLine } from './request-log.ts';

describe('request log', () => {
  let testApp: TestApp | undefined;
  let dist: string | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await testApp?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('writes one terminal line per API request, none for the dashboard files, and keeps queries out', async () => {
    dist = mkdtempSync(join(tmpdir(), 'promptlog-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    testApp = await createTestApp({ logger: 'info', prettyLogs: true, distDir: dist });
    const { app } = testApp;
    for (const url of ['/', '/assets/app-abc123.js', '/favicon.svg', '/api/health', '/api/requests?q=secret'])
      await app.inject({ method: 'GET', url, headers: KEY_HEADER });
    vi.restoreAllMocks();

    const requests = lines.filter((line) => / GET /.test(line));
    expect(
      requests.map((line) => line.replace(/^\d\d:\d\d:\d\d {2}/, '').replace(/ {2}[\d.]+ ms\n$/, '')),
    ).toEqual(['GET /favicon.svg  404', 'GET /api/health  200', 'GET /api/requests?<redacted>  200']);
    expect(lines.join('')).not.toContain('secret');
  });

  it('formats other log lines with their level and error', () => {
    const line = prettyLogLine(
      JSON.stringify({
        level: 50,
        time: 0,
        msg: 'store failed',
        err: { message: 'disk full', stack: 'Error: disk full\n  at x' },
      }),
    );
    expect(line).toMatch(/^\d\d:\d\d:\d\d {2}error: store failed\nError: disk full\n {2}at x\n$/);
    expect(prettyLogLine('not json')).toBe('not json');
  });
});
