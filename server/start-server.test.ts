import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './start-server.ts';
import { logBody } from './testing/factories.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on a free port with the generated key and the given ones, and closes cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'promptlog-start-'));
    dirs.push(dataDir);
    const server = await startServer({ port: 0, dataDir, apiKeys: ['known-key'] });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    const logged = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${server.url}/log-request`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': i % 2 ? 'known-key' : server.apiKey },
          body: JSON.stringify(logBody({ tags: [`n${i}`] })),
        }),
      ),
    );
    expect(logged.map((r) => r.status)).toEqual(Array(20).fill(201));
    await server.close();
    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

    const again = await startServer({ port: 0, dataDir });
    try {
      expect(again.apiKey).toBe(server.apiKey);
      const count = await fetch(`${again.url}/api/requests/count`, {
        headers: { 'x-api-key': again.apiKey },
      });
      expect(await count.json()).toEqual({ total: 20 });
      const refused = await fetch(`${again.url}/api/requests/count`, {
        headers: { 'x-api-key': 'known-key' },
      });
      expect(refused.status).toBe(401);
    } finally {
      await again.close();
    }
  });
});
