import { mkdirSync } from 'node:fs';
import { otlpExport, otlpSpan } from '../server/ingest/otel/testing/otlp-builders.ts';
import { variedBodies } from '../server/testing/factories.ts';
import { drawer, tableRow } from './drawer-support.ts';
import { expect, test } from './fixtures.ts';

const TRACE = '7f3a9c1e5b2d48f6a0c4e8b1d3f5a7c9';
const SHOTS = '/tmp/shots-otel';
const base = Date.now() - 60_000;

function llmSpan(spanId: string, startOffsetMs: number, model: string, question: string) {
  return otlpSpan({
    traceId: TRACE,
    spanId,
    parentSpanId: '1000000000000000',
    name: `chat ${model}`,
    startMs: base + startOffsetMs,
    durationMs: 800,
    attributes: {
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': model,
      'gen_ai.usage.input_tokens': 20,
      'gen_ai.usage.output_tokens': 10,
      'gen_ai.input.messages': JSON.stringify([
        { role: 'user', parts: [{ type: 'text', content: question }] },
      ]),
      'gen_ai.output.messages': JSON.stringify([
        { role: 'assistant', parts: [{ type: 'text', content: 'Answer.' }] },
      ]),
    },
  });
}

interface TraceReply {
  spans: { name: string; requestId: number | null }[];
}

test('a traced request shows its waterfall; another LLM span opens its request; j/k still walk the table', async ({
  page,
  server,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await server.logMany(variedBodies(4, base - 120_000));
  const spans = [
    otlpSpan({
      traceId: TRACE,
      spanId: '1000000000000000',
      name: 'support agent',
      kind: 1,
      startMs: base,
      durationMs: 4000,
    }),
    llmSpan('2000000000000001', 100, 'gpt-4o', 'Plan the answer'),
    otlpSpan({
      traceId: TRACE,
      spanId: '3000000000000001',
      parentSpanId: '1000000000000000',
      name: 'tool: search_docs',
      kind: 1,
      startMs: base + 1000,
      durationMs: 1200,
      status: { code: 2, message: 'index unavailable' },
      attributes: { 'input.value': 'refund policy' },
    }),
    llmSpan('2000000000000002', 2500, 'gpt-4o-mini', 'Write the reply'),
  ];
  const sent = await server.api('/v1/traces', { body: otlpExport(spans, 'support-bot') });
  expect(sent.status).toBe(200);
  const { body } = await server.api<TraceReply>(`/api/traces/${TRACE}`);
  const [first, second] = body.spans.filter((s) => s.requestId !== null).map((s) => s.requestId as number);

  await page.goto(server.signInUrl(`/?request=${first}`));
  const open = drawer(page, first as number);
  await expect(open).toBeVisible();
  const waterfall = open.getByRole('list', { name: 'Spans of this trace' });
  await expect(waterfall.getByRole('listitem')).toHaveCount(4);
  await expect(open.getByRole('button', { name: /^chat gpt-4o, .*LLM request/ }).first()).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(tableRow(page, first as number).getByRole('img', { name: 'Part of a trace' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/trace-light.png` });

  // A non-LLM span shows its attributes and error.
  await open.getByRole('button', { name: /^tool: search_docs/ }).click();
  await expect(open.getByRole('note', { name: 'Span error' })).toContainText('index unavailable');
  await expect(open.getByText('refund policy').first()).toBeVisible();

  // Another LLM span switches the drawer to its request.
  await open.getByRole('button', { name: `chat gpt-4o-mini, 800 ms, LLM request ${second}` }).click();
  await expect(drawer(page, second as number)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`request=${second}`));

  // j/k walk the table as before.
  const order = (await server.api<{ rows: { id: number }[] }>('/api/requests?limit=100')).body.rows.map(
    (r) => r.id,
  );
  const at = order.indexOf(second as number);
  await page.keyboard.press('j');
  await expect(drawer(page, order[at + 1] as number)).toBeVisible();
  await page.keyboard.press('k');
  await expect(drawer(page, second as number)).toBeVisible();

  // "Show this trace's requests" filters the list to the trace.
  await drawer(page, second as number)
    .getByRole('button', { name: "Show this trace's requests" })
    .click();
  await expect(page).toHaveURL(new RegExp(`trace=${TRACE}`));
  await expect(page.locator('[role="row"][data-row-id]')).toHaveCount(2);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/trace-dark-filtered.png` });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: `${SHOTS}/trace-narrow.png` });
});

test('a 5,000-span trace renders a virtualized waterfall that scrolls', async ({ page, server }) => {
  const trace = 'abcdef0123456789abcdef0123456789';
  const spans = Array.from({ length: 5000 }, (_, i) =>
    i === 4999
      ? {
          ...llmSpan('ffff000000000001', 10, 'gpt-4o', 'deep'),
          traceId: trace,
          parentSpanId: (4998).toString(16).padStart(16, '0'),
        }
      : otlpSpan({
          traceId: trace,
          spanId: i.toString(16).padStart(16, '0'),
          parentSpanId:
            i === 0
              ? undefined
              : Math.floor(i / 4)
                  .toString(16)
                  .padStart(16, '0'),
          name: `step ${i}`,
          kind: 1,
          startMs: base + i,
          durationMs: 5000 - i,
        }),
  );
  // Spans under 16 hex with id 0 would be "no id": shift every id by one.
  for (const span of spans) {
    span.spanId = (BigInt(`0x${span.spanId as string}`) + 1n).toString(16).padStart(16, '0');
    if (span.parentSpanId)
      span.parentSpanId = (BigInt(`0x${span.parentSpanId as string}`) + 1n).toString(16).padStart(16, '0');
  }
  for (let i = 0; i < spans.length; i += 1000) {
    const sent = await server.api('/v1/traces', { body: otlpExport(spans.slice(i, i + 1000)) });
    expect(sent.status).toBe(200);
  }
  const { body } = await server.api<TraceReply>(`/api/traces/${trace}`);
  expect(body.spans).toHaveLength(5000);
  const llm = body.spans.find((s) => s.requestId !== null)?.requestId as number;
  await page.goto(server.signInUrl(`/?request=${llm}`));
  const waterfall = drawer(page, llm).getByRole('list', { name: 'Spans of this trace' });
  await expect(waterfall.getByRole('listitem').first()).toBeVisible();
  expect(await waterfall.getByRole('listitem').count()).toBeLessThan(100);
  await expect(drawer(page, llm).getByText(/5,000 spans/)).toBeVisible();
  // The open request's span, deep in the tree, is scrolled into view.
  await expect(waterfall.getByRole('button', { name: /LLM request/ })).toBeInViewport();
  await waterfall.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  // The root's row is gone from the DOM, rows from the end of the tree are there instead.
  await expect(waterfall.getByRole('button', { name: /^step 0,/ })).toHaveCount(0);
  await expect(waterfall.getByRole('listitem').last()).toBeVisible();
  expect(await waterfall.getByRole('listitem').count()).toBeLessThan(100);
  await page.screenshot({ path: `${SHOTS}/trace-5000.png` });
});
