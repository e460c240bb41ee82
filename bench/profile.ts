/** Reads what the read variants draw their filter values from, through the API itself. */
import type { FacetsResponse, ListResponse, ProbeResponse } from '../contract/api.ts';
import type { BenchHttp } from './http-client.ts';
import type { DataProfile } from './read-variants.ts';

export async function loadProfile(http: BenchHttp): Promise<DataProfile> {
  const { data: facets } = await http.getJson<FacetsResponse>('/api/facets');
  const { data: probe } = await http.getJson<ProbeResponse>('/api/requests/probe?after=0');
  const first = await http.getJson<ListResponse>('/api/requests?order=asc&limit=1');
  const last = await http.getJson<ListResponse>('/api/requests?limit=1');
  const firstRow = first.data.rows[0];
  const lastRow = last.data.rows[0];
  if (!firstRow || !lastRow) throw new Error('the benchmark database is empty');
  for (const [name, list] of Object.entries(facets)) {
    if (Array.isArray(list) && list.length === 0)
      throw new Error(`facets.${name} is empty: cannot vary that filter`);
  }
  return {
    facets,
    newestId: probe.newestId,
    firstMs: Date.parse(firstRow.startTime),
    lastMs: Date.parse(lastRow.startTime),
  };
}
