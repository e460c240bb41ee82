/**
 * The PromptLayer JS SDK (1.3.6) with enableTracing: wrapWithSpan spans reach POST /spans-bulk
 * (its legacy exporter posts each span as it ends, children first) and form one trace.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PromptLayer } from 'promptlayer';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestApp, KEY_HEADER, TEST_KEY, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let front: Server;
let base: string;
/** Trace ids of the spans the SDK posted, seen on the way in (the SDK does not expose them). */
const postedTraceIds = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  // The real app behind a plain HTTP front that notes which traces the SDK sends.
  front = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const payload = Buffer.concat(chunks);
      if (req.url?.startsWith('/spans-bulk')) {
        const body = JSON.parse(payload.toString('utf8')) as { spans: { context: { trace_id: string } }[] };
        for (const span of body.spans) postedTraceIds.add(span.context.trace_id);
      }
      const reply = await t.app.inject({
        method: req.method as 'POST',
        url: req.url ?? '/',
        headers: req.headers as Record<string, string>,
        payload,
      });
      res.writeHead(reply.statusCode, {
        'content-type': String(reply.headers['content-type'] ?? 'application/json'),
      });
      res.end(reply.rawPayload);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => front.close(resolve));
  await t.close();
});

interface PublicTrace {
  spans: { name: string; span_id: string; parent_id: string | null }[];
}

it('wrapWithSpan spans are stored as one trace with their parent links', async () => {
  const promptlayer = new PromptLayer({ apiKey: TEST_KEY, baseURL: base, enableTracing: true });
  const inner = promptlayer.wrapWithSpan('pl_inner_step', (x: number) => x + 1);
  const outer = promptlayer.wrapWithSpan('pl_outer_step', async (x: number) => (await inner(x)) * 2);
  expect(await outer(3)).toBe(8);
  await vi.waitFor(() => expect(postedTraceIds.size).toBe(1), { timeout: 10_000 });
  const traceId = [...postedTraceIds][0] as string;
  const read = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/public/v2/traces/${traceId}`,
      headers: KEY_HEADER,
    });
    return response.statusCode === 200 ? (response.json() as PublicTrace) : { spans: [] };
  };
  await vi.waitFor(async () => expect((await read()).spans).toHaveLength(2), { timeout: 10_000 });
  const byName = Object.fromEntries((await read()).spans.map((s) => [s.name, s]));
  expect(byName.pl_inner_step?.parent_id).toBe(byName.pl_outer_step?.span_id);
  expect(byName.pl_outer_step?.parent_id).toBeNull();
});
