/**
 * POST /track-request from concurrent keep-alive clients, with the bodies the SDKs' wrapped
 * clients and run() send (key in the body, as they send it): throughput, latency and errors.
 */
import { trackRequestBodies } from '../server/seed/prompt-samples.ts';
import { INGEST_TAG, postConcurrently } from './ingest-bench.ts';
import { summarize } from './percentile.ts';
import type { BenchResult } from './types.ts';

export async function runTrackRequestBench(options: {
  baseUrl: string;
  apiKey: string;
  count: number;
  clients: number;
  budgetPerSecond: number;
}): Promise<{ result: BenchResult; perSecond: number; errors: number }> {
  // No template links: run() bodies would need the sample templates; wrapped-client bodies do not.
  const bodies = [...trackRequestBodies(options.count, new Map(), { extraTags: [INGEST_TAG] })].map((body) =>
    JSON.stringify({ ...body, api_key: options.apiKey }),
  );
  const run = await postConcurrently({ ...options, path: '/track-request', bodies, okStatus: 200 });
  const perSecond = Math.round(bodies.length / run.seconds);
  const stats = summarize(run.latencies);
  const note = [
    `${perSecond} req/s`,
    `${run.errors} errors`,
    `${options.clients} clients`,
    `${bodies.length} requests`,
  ];
  if (run.firstError) note.push(`first error: ${run.firstError}`);
  return {
    result: {
      section: 'ingest',
      name: 'POST /track-request',
      samples: stats.samples,
      p50: stats.p50,
      p95: stats.p95,
      budget: `≥ ${options.budgetPerSecond} req/s, 0 errors`,
      note: note.join('; '),
    },
    perSecond,
    errors: run.errors,
  };
}
