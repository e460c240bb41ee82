import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  createExportBodySchema,
  createExportResponseSchema,
  exportTokenParamsSchema,
  type ListQuery,
  type RequestDetail,
} from '../../../contract/api.ts';
import { parseListParams } from '../../../contract/filter-query.ts';
import { headerApiKey } from '../../auth/install-auth.ts';
import { actorLabel } from '../../auth/principal.ts';
import { notFound, parseWith } from '../../http/errors.ts';
import { queryParser, rawQuery, route } from '../../http/route.ts';
import type { Store } from '../../store/store.ts';
import type { RouteDeps } from '../deps.ts';
import { csvHeader, csvRow, jsonlRow } from './export-format.ts';
import type { ExportTokens } from './export-tokens.ts';

const listQuery = queryParser(parseListParams);

/** The body, and the list query it carries checked now, so a bad filter is a 400 here, not a broken download. */
function exportBody(raw: unknown) {
  const { format, query, ids } = parseWith(createExportBodySchema, raw, 'body');
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  params.delete(IDS_PARAM);
  listQuery(params);
  // The selection travels in the signed link with the query.
  if (ids) params.set(IDS_PARAM, ids.join(','));
  return { format, params };
}

/** The link parameter that carries a selection's ids (not a filter parameter). */
const IDS_PARAM = '_ids';

function selectionOf(params: URLSearchParams): number[] | null {
  const raw = params.get(IDS_PARAM);
  if (raw === null) return null;
  params.delete(IDS_PARAM);
  return raw.split(',').map(Number);
}

/** A selection's requests, newest first (ids that no longer exist are left out). */
async function* selectedRequests(store: Store, ids: readonly number[]): AsyncGenerator<RequestDetail> {
  for (const id of [...new Set(ids)].sort((a, b) => b - a)) {
    const detail = await store.getRequest(id);
    if (detail) yield detail;
  }
}

/** POST /api/exports: a signed, single-use download link for the list query. */
export function createExportRoute(
  app: FastifyInstance,
  { store, tokens }: RouteDeps & { tokens: ExportTokens },
): void {
  const schemas = { body: exportBody, response: createExportResponseSchema };
  route(app, 'POST', '/api/exports', schemas, async ({ body, request }) => {
    // A configured key signs its own links (any server given that key can serve them); people
    // and stored keys use the secret every server on this store shares.
    const principal = request.principal;
    const configuredKey =
      principal?.kind === 'key' && principal.id === null ? headerApiKey(request) : undefined;
    const signingKey = configuredKey ?? (await store.auth.serverSecret());
    return { url: tokens.issue(body.format, body.params, signingKey, actorLabel(principal)) };
  });
}

/** The rows, then an audit entry saying how many went out (also when the download stops early). */
async function* exportLines(
  store: Store,
  format: 'csv' | 'jsonl',
  query: ListQuery,
  ids: readonly number[] | null,
  audit: (rows: number, complete: boolean) => Promise<void>,
): AsyncGenerator<string> {
  let rows = 0;
  let complete = false;
  try {
    if (format === 'csv') yield csvHeader();
    const serialise = format === 'csv' ? csvRow : jsonlRow;
    const details = ids
      ? selectedRequests(store, ids)
      : store.exportRequests(query.filter, { sort: query.sort, order: query.order });
    for await (const detail of details) {
      rows += 1;
      yield serialise(detail);
    }
    complete = true;
  } finally {
    await audit(rows, complete).catch(() => undefined);
  }
}

/** GET /api/exports/:token: no key header (the single-use token is the credential). Streams with backpressure. */
export function downloadExportRoute(
  app: FastifyInstance,
  { store, tokens }: RouteDeps & { tokens: ExportTokens },
): void {
  // No automatic HEAD route: a HEAD (link checker, prefetch) must not use up the single-use token.
  const options = { exposeHeadRoute: false };
  route(
    app,
    'GET',
    '/api/exports/:token',
    { params: exportTokenParamsSchema },
    async ({ params, request, reply }) => {
      const redeemed = tokens.redeem(params.token, rawQuery(request.url), [await store.auth.serverSecret()]);
      const filter = redeemed?.query.toString() ?? '';
      const ids = redeemed ? selectionOf(redeemed.query) : null;
      const parsed = redeemed && parseListParams(redeemed.query);
      const pending = redeemed && parsed?.ok ? { ...redeemed, query: parsed.value, filter, ids } : undefined;
      if (!pending)
        throw notFound(
          'Export link not found, already used or expired: start the export again.',
          'export_not_found',
        );
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const filename = `promptlog-export-${stamp}.${pending.format}`;
      reply
        .header(
          'content-type',
          pending.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store');
      // Readable.from pulls the next row only when the socket has drained: constant memory at any size.
      return reply.send(
        Readable.from(
          exportLines(store, pending.format, pending.query, pending.ids, (rows, complete) =>
            store.auth.appendAudit({
              at: Date.now(),
              actor: pending.actor,
              action: 'export',
              detail: { format: pending.format, filter: pending.filter, rows, complete },
            }),
          ),
          { objectMode: false },
        ),
      );
    },
    options,
  );
}
