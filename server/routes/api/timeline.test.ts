import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TimelineResponse, timelineResponseSchema } from '../../../contract/timeline.ts';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  type TestApp,
} from '../../testing/test-app.ts';

const START = Date.UTC(2025, 4, 1);
const HOUR = 3_600_000;

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    for (let i = 0; i < 10; i++) {
      await logRequest(
        t.app,
        logBody({
          model: i % 2 === 0 ? 'gpt-4o' : 'gpt-4o-mini',
          request_start_time: (START + i * HOUR) / 1000,
          request_end_time: (START + i * HOUR + 200 * (i + 1)) / 1000,
          price: 0.01,
          status: i === 3 ? 'ERROR' : 'SUCCESS',
          error_type: i === 3 ? 'PROVIDER_ERROR' : null,
        }),
      );
    }
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: KEY_HEADER });
  const range = `from=${START}&to=${START + 5 * 24 * HOUR}`;

  describe('GET /api/requests/timeline', () => {
    it('counts by status per bucket for the list filter parameters', async () => {
      const response = await get(`/api/requests/timeline?${range}&model=gpt-4o`);
      expect(response.statusCode, response.body).toBe(200);
      const body: TimelineResponse = timelineResponseSchema.parse(response.json());
      expect(body.source).toBe('rollup');
      expect(body.bucketMs).toBe(HOUR);
      expect(body.buckets.reduce((n, b) => n + b.success, 0)).toBe(5);
      expect(body.buckets.reduce((n, b) => n + b.error, 0)).toBe(0);
      expect(body.buckets.reduce((n, b) => n + b.cost, 0)).toBeCloseTo(0.05, 9);
    });

    it('reads the rows for a range drawn in minutes', async () => {
      const body = timelineResponseSchema.parse(
        (await get(`/api/requests/timeline?from=${START}&to=${START + 2 * HOUR}&status=ERROR`)).json(),
      );
      expect(body.source).toBe('scan');
      expect(body.buckets.reduce((n, b) => n + b.success + b.error, 0)).toBe(0);
    });

    it('adds p95 latency per bucket for metric=latency', async () => {
      const body = timelineResponseSchema.parse(
        (await get(`/api/requests/timeline?${range}&metric=latency`)).json(),
      );
      const withRequests = body.buckets.filter((b) => b.success + b.warning + b.error > 0);
      expect(withRequests).toHaveLength(10);
      expect(withRequests.every((b) => typeof b.p95LatencyMs === 'number')).toBe(true);
      expect(body.buckets.find((b) => b.success + b.error === 0)?.p95LatencyMs).toBeNull();
    });

    it.each([
      ['metric=p99', 'metric'],
      ['metric=cost&metric=volume', 'metric'],
      ['from=yesterday', 'from'],
      ['status=FINE', 'status'],
    ])('rejects %s with a 400 naming %s', async (query, field) => {
      const response = await get(`/api/requests/timeline?${query}`);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).detail?.[0]?.loc).toEqual(['query', field]);
    });

    it('needs a key', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/requests/timeline' });
      expect(response.statusCode).toBe(401);
    });
  });
});
