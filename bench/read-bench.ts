/** Times read variants over HTTP and their SQL floor, in the same process run. */
import type { ListResponse } from '../contract/api.ts';
import { createRandom, hashSeed } from '../server/seed/random.ts';
import type { BenchHttp } from './http-client.ts';
import { summarize } from './percentile.ts';
import { type FloorQuery, listCase, type ReadCase, type ReadVariant } from './read-variants.ts';
import type { BenchResult } from './types.ts';

/** Runs the store's own SQL for a read directly on the database, without the server. */
export interface Floor {
  run(query: FloorQuery): unknown;
  close(): Promise<void>;
}

const WARMUP = 20;

function cases(variant: ReadVariant, salt: string, count: number): ReadCase[] {
  const random = createRandom(hashSeed(`${variant.name}:${salt}`));
  return Array.from({ length: count }, (_, i) => variant.makeCase(random, i));
}

export async function runReadVariant(
  variant: ReadVariant,
  http: BenchHttp,
  floor: Floor | null,
  samples: number,
  budgetScale: number,
): Promise<BenchResult> {
  const warm = cases(variant, 'warmup', WARMUP);
  const timed = cases(variant, 'timed', samples);
  for (const c of warm) await http.send(c.method ?? 'GET', c.path, c.body);
  const apiMs: number[] = [];
  let errors = 0;
  let firstError = '';
  for (const c of timed) {
    const result = await http.send(c.method ?? 'GET', c.path, c.body);
    if (result.status !== 200) {
      errors++;
      firstError ||= `${result.status} ${result.body.slice(0, 160)}`;
      continue;
    }
    apiMs.push(result.ms);
  }
  const api = summarize(apiMs);
  const result: BenchResult = {
    section: 'read',
    name: variant.name,
    samples: api.samples,
    p50: api.p50,
    p95: api.p95,
  };
  if (variant.budgetP95Ms !== undefined) {
    result.budget = `p95 ≤ ${round(variant.budgetP95Ms * budgetScale)} ms; ≤ 2× floor p50`;
  }
  if (errors > 0) result.note = `${errors} errors, first: ${firstError}`;
  if (floor && timed.every((c) => c.floor.kind !== 'none')) {
    for (const c of warm) await floor.run(c.floor);
    const floorMs: number[] = [];
    for (const c of timed) {
      const started = performance.now();
      await floor.run(c.floor);
      floorMs.push(performance.now() - started);
    }
    const f = summarize(floorMs);
    result.floorP50 = f.p50;
    result.floorP95 = f.p95;
  }
  return result;
}

/** Walks `pages` pages through the API's cursor and returns the variant that reads the last one. */
export async function deepPageVariant(
  http: BenchHttp,
  pages: number,
  budgetP95Ms: number,
  start: ReadCase = listCase({}),
): Promise<ReadVariant> {
  if (start.floor.kind !== 'list') throw new Error('deep page needs a list case');
  const { filter, sort, order } = start.floor.query;
  let cursor: string | null = null;
  for (let page = 1; page < pages; page++) {
    const path: string = cursor ? listCase(filter, sort, order, cursor).path : start.path;
    const { data }: { data: ListResponse } = await http.getJson<ListResponse>(path);
    cursor = data.nextCursor;
    if (!cursor) throw new Error(`the list ran out after ${page} pages; deep page needs more rows`);
  }
  const deep = listCase(filter, sort, order, cursor ?? undefined);
  return { name: `list: page ${pages} via cursor (${sort} ${order})`, budgetP95Ms, makeCase: () => deep };
}

export const round = (ms: number): number => Math.round(ms * 100) / 100;
