/**
 * Clients without a key cannot make the server hold many large bodies at once (issue #8, item 2):
 * 10 parallel 20 MB uploads without a header key leave RSS bounded and health answering, and a
 * large body that carries a valid api_key still gets in when it comes alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../start-server.ts';
import { logBody } from '../testing/factories.ts';

const UPLOADS = 10;
const UPLOAD_BYTES = 19 * 1024 * 1024;
const RSS_GROWTH_LIMIT_MB = 120;

let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'promptlog-keyless-'));
  server = await startServer({ dataDir, distDir: join(dataDir, 'none') });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** POSTs `body` without a key header; resolves with the status, or 'reset' if the socket broke. */
function post(path: string, body: Buffer, headers: Record<string, string> = {}): Promise<number | 'reset'> {
  return new Promise((resolve) => {
    const req = request(
      `${server.url}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve('reset'));
      },
    );
    req.on('error', () => resolve('reset'));
    req.end(body);
  });
}

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

it('10 parallel keyless 20 MB bodies: bounded memory, health answers, the rest are told to retry', async () => {
  const body = Buffer.from(JSON.stringify({ ...logBody(), pad: 'x'.repeat(UPLOAD_BYTES) }));
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 5);
  const uploads = Array.from({ length: UPLOADS }, () => post('/log-request', body));
  const health = await get('/api/health');
  const statuses = await Promise.all(uploads);
  clearInterval(sampler);
  peak = Math.max(peak, rssMb());

  expect(health).toBe(200);
  for (const status of statuses) expect([401, 503, 'reset']).toContain(status);
  expect(peak - before, `RSS ${before.toFixed(0)} → ${peak.toFixed(0)} MB`).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
});

it('a large body with a valid api_key in it is accepted when it comes alone', async () => {
  const big = 'y'.repeat(10 * 1024 * 1024);
  const body = Buffer.from(
    JSON.stringify({
      ...logBody({ input: { type: 'chat', messages: [{ role: 'user', content: big }] } }),
      api_key: server.apiKey,
    }),
  );
  expect(await post('/log-request', body)).toBe(201);
});
