import { describe, expect, it } from 'vitest';
import { normalizeLogRequest } from '../ingest/normalize-log-request.ts';
import { generateLogRequests, type LogRequestBody, SPREAD_MS } from './generate.ts';
import { LARGE_PAYLOAD_RATE } from './large.ts';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const take = (count: number, seed: string | number = 'test', extraTags: string[] = []) => [
  ...generateLogRequests(count, { seed, now: NOW, extraTags }),
];

function blockTypes(body: LogRequestBody): Set<string> {
  const types = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.type === 'string') types.add(record.type);
      Object.values(record).forEach(visit);
    }
  };
  visit([body.input, body.output]);
  return types;
}

describe('generateLogRequests', () => {
  const sample = take(3000);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(take(200))).toBe(JSON.stringify(take(200)));
    expect(JSON.stringify(take(200, 'other'))).not.toBe(JSON.stringify(take(200)));
  });

  it('lets a slice be regenerated on its own', () => {
    const slice = [...generateLogRequests(3000, { seed: 'test', now: NOW, startIndex: 2990 })];
    expect(slice).toEqual(sample.slice(2990));
  });

  it('every body passes the real ingest path', () => {
    for (const body of sample) {
      const request = normalizeLogRequest(structuredClone(body));
      expect(request.startMs).toBeGreaterThanOrEqual(NOW - SPREAD_MS);
      expect(request.endMs).toBeLessThanOrEqual(NOW);
      expect(request.endMs).toBeGreaterThanOrEqual(request.startMs);
    }
  });

  it('covers providers, statuses, block types and request shapes', () => {
    const providers = new Set(sample.map((b) => b.provider));
    expect([...providers].sort()).toEqual(['anthropic', 'google', 'mistral', 'openai']);
    expect(new Set(sample.map((b) => b.model)).size).toBeGreaterThanOrEqual(10);
    const statuses = sample.map((b) => b.status);
    for (const status of ['SUCCESS', 'WARNING', 'ERROR']) expect(statuses).toContain(status);
    const errored = sample.filter((b) => b.status === 'ERROR');
    expect(errored.every((b) => b.error_type && b.error_message)).toBe(true);
    const types = new Set(sample.flatMap((b) => [...blockTypes(b)]));
    for (const type of ['chat', 'completion', 'text', 'thinking', 'image_url', 'code', 'function']) {
      expect(types).toContain(type);
    }
    const roles = new Set(
      sample.flatMap((b) => (b.input.type === 'chat' ? b.input.messages.map((m) => m.role) : [])),
    );
    for (const role of ['system', 'developer', 'user', 'assistant', 'tool']) expect(roles).toContain(role);
    const urls = sample.flatMap((b) =>
      b.input.type === 'chat'
        ? b.input.messages.flatMap((m) =>
            Array.isArray(m.content)
              ? m.content.flatMap((c) => (c.type === 'image_url' ? [c.image_url.url] : []))
              : [],
          )
        : [],
    );
    // Sample images load offline: inline data URLs only, never a remote host.
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith('data:image/svg+xml;base64,'))).toBe(true);
  });

  it('carries tags, metadata, scores, prompts and every timestamp form', () => {
    const normalized = sample.map((b) => normalizeLogRequest(structuredClone(b)));
    expect(normalized.some((r) => r.isToolCall)).toBe(true);
    expect(new Set(normalized.flatMap((r) => r.tags)).size).toBeGreaterThan(8);
    for (const key of ['user_id', 'session_id', 'env', 'region']) {
      expect(normalized.filter((r) => key in r.metadata).length).toBeGreaterThan(100);
    }
    const scoreNames = new Set(normalized.flatMap((r) => Object.keys(r.scores)));
    expect(scoreNames.size).toBeGreaterThanOrEqual(3);
    // The Python SDK's score 0 with no name must not turn into a score.
    expect(sample.some((b) => b.score === 0 && b.score_name === null)).toBe(true);
    const promptNames = new Set(normalized.map((r) => r.promptName));
    expect(promptNames.size).toBeGreaterThanOrEqual(8);
    expect(promptNames).toContain(null);
    expect(normalized.some((r) => r.promptVersionNumber !== null && r.promptInputVariables !== null)).toBe(
      true,
    );
    const starts = sample.map((b) => b.request_start_time ?? b.requestStartTime);
    expect(starts.some((t) => typeof t === 'string')).toBe(true);
    expect(starts.some((t) => typeof t === 'number' && t < 1e11)).toBe(true);
    expect(starts.some((t) => typeof t === 'number' && t > 1e11)).toBe(true);
    expect(sample.some((b) => 'requestStartTime' in b && 'inputTokens' in b)).toBe(true);
  });

  it('spreads start times over 30 days, mostly in index order', () => {
    const starts = sample.map((b) => normalizeLogRequest(structuredClone(b)).startMs);
    const first = Math.min(...starts.slice(0, 100));
    const last = Math.max(...starts.slice(-100));
    expect(last - first).toBeGreaterThan(SPREAD_MS * 0.9);
    let inOrder = 0;
    for (let i = 1; i < starts.length; i++) if ((starts[i] ?? 0) >= (starts[i - 1] ?? 0)) inOrder++;
    expect(inOrder / starts.length).toBeGreaterThan(0.6);
    expect(inOrder / starts.length).toBeLessThan(1);
  });

  it('keeps typical payloads modest and adds the caller’s tags', () => {
    const sizes = sample.map((b) => JSON.stringify(b).length).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(4096);
    const tagged = take(50, 'test', ['sample']);
    expect(tagged.every((b) => b.tags?.includes('sample'))).toBe(true);
  });

  it('includes a rare very large payload', () => {
    // Large payloads are ~1 in 20,000; find one by scanning a slice and check its size.
    let large: LogRequestBody | undefined;
    for (const body of generateLogRequests(200_000, { seed: 'test', now: NOW })) {
      const messages = body.input.type === 'chat' ? body.input.messages : [];
      const longText = messages.some(
        (m) =>
          Array.isArray(m.content) && m.content.some((c) => c.type === 'text' && c.text.length > 1_000_000),
      );
      if (messages.length > 1500 || longText) {
        large = body;
        break;
      }
    }
    expect(LARGE_PAYLOAD_RATE).toBe(1 / 20_000);
    expect(large).toBeDefined();
    if (large) expect(() => normalizeLogRequest(large)).not.toThrow();
  });
});
