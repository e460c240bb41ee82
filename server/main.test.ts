import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY_FILE } from './auth/api-keys.ts';
import { logBody } from './testing/factories.ts';
import { type SpawnedServer, spawnServer } from './testing/spawn-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'promptlog-main-'));
const running: SpawnedServer[] = [];
afterAll(() => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('server/main.ts', () => {
  it('prints the sign-in URL with the key only in the fragment, never logs it, and stops on SIGTERM', async () => {
    const extra = 'extra-key-for-main-test';
    const server = await spawnServer(dataDir, {
      PROMPTLOG_LOG_LEVEL: 'info',
      PROMPTLOG_API_KEYS: ` ${extra} ,`,
    });
    running.push(server);
    const stored = readFileSync(join(dataDir, API_KEY_FILE), 'utf8').trim();
    expect(server.apiKey).toBe(stored);
    expect(statSync(join(dataDir, API_KEY_FILE)).mode & 0o777).toBe(0o600);

    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, store: 'sqlite' });
    const byHeader = await fetch(`${server.url}/log-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-API-KEY': extra },
      body: JSON.stringify(logBody()),
    });
    expect(byHeader.status).toBe(201);
    const byBody = await fetch(`${server.url}/log-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(logBody({ api_key: server.apiKey })),
    });
    expect(byBody.status).toBe(201);
    const bearer = await fetch(`${server.url}/api/requests`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    });
    expect(bearer.status).toBe(200);
    const wrong = await fetch(`${server.url}/api/requests`, {
      headers: { 'x-api-key': `${server.apiKey}x` },
    });
    expect(wrong.status).toBe(401);

    const exportResponse = await fetch(`${server.url}/api/exports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
      body: JSON.stringify({ format: 'jsonl', query: '' }),
    });
    const { url: downloadPath } = (await exportResponse.json()) as { url: string };
    const download = await fetch(`${server.url}${downloadPath}`);
    expect((await download.text()).trim().split('\n')).toHaveLength(2);
    const link = new URL(downloadPath, server.url);
    const nonce = link.pathname.split('/').at(-1) ?? '';
    const signature = link.searchParams.get('_sig') ?? '';
    expect(nonce.length).toBeGreaterThan(20);
    expect(signature.length).toBeGreaterThan(20);

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    const output = server.output();
    // The single-use download token is a credential too.
    expect(output).toContain('/api/exports/<token>');
    expect(output).not.toContain(nonce);
    expect(output).not.toContain(signature);
    // Request logging is on (info) and did log these requests...
    expect(output).toContain('/log-request');
    // ...but the keys appear only in the sign-in line's fragment.
    expect(output.split(server.apiKey).length - 1).toBe(1);
    expect(output).toContain(`/#key=${server.apiKey}`);
    expect(output).not.toContain(extra);
    expect(output).not.toMatch(/[?&]key=/);
  }, 60_000);

  it('reuses the stored key on the next start and stops on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptlog-main-'));
    try {
      const first = await spawnServer(dir);
      running.push(first);
      first.child.kill('SIGINT');
      const exit = await first.exited;
      expect(exit, first.output()).toEqual({ code: 0, signal: null });
      const second = await spawnServer(dir);
      running.push(second);
      expect(second.apiKey).toBe(first.apiKey);
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints the sign-in link after the other start lines', async () => {
    const server = await spawnServer(dataDir);
    running.push(server);
    const output = server.output();
    expect(output.indexOf('PROMPTLAYER_BASE_URL=')).toBeGreaterThan(output.indexOf('Promptlog listening on'));
    expect(output.indexOf('Sign in to the dashboard')).toBeGreaterThan(
      output.indexOf('PROMPTLAYER_BASE_URL='),
    );
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);

  it('a port in use gets a one-line hint to start on another with PORT=', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      await expect(spawnServer(dataDir, {}, ['--port', String(port)]).then(() => 'started')).rejects.toThrow(
        new RegExp(`port ${port} is already in use .*PORT=${port + 1} npm start`),
      );
    } finally {
      busy.close();
    }
  }, 60_000);

  it('refuses a bad port with a one-line message', async () => {
    await expect(spawnServer(dataDir, { PORT: 'eighty' }, []).then(() => 'started')).rejects.toThrow(
      /PORT: expected a port number/,
    );
  }, 60_000);
});
