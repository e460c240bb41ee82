import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../contract/api.ts';
import { buildApp } from '../../app.ts';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  TEST_KEY,
  type TestApp,
} from '../../testing/test-app.ts';
import { csvCell } from './export-format.ts';
import { EXPORT_TOKEN_TTL_MS, ExportTokens } from './export-tokens.ts';

forEachStore((kind) => {
  let t: TestApp;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    for (let i = 0; i < 7; i++) {
      ids.push(
        await logRequest(
          t.app,
          logBody({
            tags: i < 5 ? ['export'] : ['other'],
            metadata: { note: i === 2 ? '=HYPERLINK("http://evil")' : `line one\nline "two", ${i}` },
            request_start_time: 1742034600 + i,
            request_end_time: 1742034601 + i,
            input: {
              type: 'chat',
              messages: [{ role: 'user', content: i === 3 ? '+1 then @SUM(A1)' : `q${i}` }],
            },
          }),
        ),
      );
    }
  });
  afterAll(() => t.close());

  async function startExport(format: string, query: string): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/exports',
      headers: KEY_HEADER,
      payload: { format, query },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { url } = response.json() as { url: string };
    expect(url).toMatch(/^\/api\/exports\/[\w-]{20,}\?(.+&)?_format=\w+&_exp=\d+&_sig=[\w-]{43}$/);
    return url;
  }

  /** Minimal RFC 4180 reader, enough to check our quoting round-trips. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        row.push(cell);
        cell = '';
      } else if (c === '\r' && text[i + 1] === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        i++;
      } else cell += c;
    }
    return rows;
  }

  describe('exports', () => {
    it('exports only the selected ids (newest first), in the signed link, and audits them', async () => {
      const selected = [ids[1], ids[4], ids[6]] as number[];
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/exports',
        headers: KEY_HEADER,
        payload: { format: 'jsonl', query: 'tag=export', ids: [...selected, 999_999_999] },
      });
      expect(response.statusCode, response.body).toBe(200);
      const { url } = response.json() as { url: string };
      expect(url).toContain(`_ids=${encodeURIComponent([...selected, 999_999_999].join(','))}`);
      // The ids are signed with the rest: a link with other ids is refused.
      const forged = url.replace(`_ids=${encodeURIComponent(String(ids[1]))}`, '_ids=1');
      expect((await t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
      const download = await t.app.inject({ method: 'GET', url });
      expect(download.statusCode).toBe(200);
      const lines = download.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: number });
      // Ids, not the filter (ids[6] is tagged "other"); a missing id is left out.
      expect(lines.map((line) => line.id)).toEqual([...selected].sort((a, b) => b - a));
      const audit = await t.store.auth.listAudit(null, 5);
      expect(audit.find((entry) => entry.action === 'export')?.detail).toMatchObject({ rows: 3 });
      const tooMany = await t.app.inject({
        method: 'POST',
        url: '/api/exports',
        headers: KEY_HEADER,
        payload: { format: 'csv', query: '', ids: Array.from({ length: 501 }, (_, i) => i + 1) },
      });
      expect(tooMany.statusCode).toBe(400);
      expect(errorOf(tooMany).message.startsWith('ids'), errorOf(tooMany).message).toBe(true);
    });

    it('streams JSONL: one detail object per matching request, in list order, as an attachment', async () => {
      const url = await startExport('jsonl', 'tag=export');
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/x-ndjson');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="promptlog-export-.*\.jsonl"$/,
      );
      const lines = response.body.trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      const details = lines.map((line) => JSON.parse(line) as RequestDetail);
      expect(details.map((d) => d.id)).toEqual(ids.slice(0, 5).reverse());
      expect(details[0]?.input).toBeDefined();
    });

    it('streams CSV with proper quoting and formula-injection guards', async () => {
      const url = await startExport('csv', '?tag=export&sort=time&order=asc');
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toMatch(/\.csv"$/);
      const rows = parseCsv(response.body);
      const header = rows[0] ?? [];
      expect(header).toEqual(
        expect.arrayContaining(['id', 'model', 'tags', 'metadata', 'scores', 'input', 'output']),
      );
      expect(rows).toHaveLength(6);
      const col = (name: string) => header.indexOf(name);
      expect(rows.slice(1).map((r) => Number(r[col('id')]))).toEqual(ids.slice(0, 5));
      const second = rows[3] ?? [];
      expect(JSON.parse(second[col('metadata')] ?? '')).toEqual({ note: '=HYPERLINK("http://evil")' });
      const third = rows[1] ?? [];
      expect(JSON.parse(third[col('metadata')] ?? '')).toEqual({ note: 'line one\nline "two", 0' });
      expect(JSON.parse(third[col('tags')] ?? '')).toEqual(['export']);
      const fourth = rows[4] ?? [];
      expect(fourth[col('input_preview')]).toBe("'+1 then @SUM(A1)");
    });

    it('streams every row of an export larger than the store reads at once', async () => {
      const loaded = await t.app.inject({
        method: 'POST',
        url: '/api/sample-data',
        headers: KEY_HEADER,
        payload: { count: 1500 },
      });
      expect(loaded.json()).toEqual({ inserted: 1500 });
      const response = await t.app.inject({
        method: 'GET',
        url: await startExport('jsonl', 'tag=sample&sort=cost&order=asc'),
      });
      const rows = response.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as RequestDetail);
      expect(rows).toHaveLength(1500);
      expect(new Set(rows.map((r) => r.id)).size).toBe(1500);
      for (let i = 1; i < rows.length; i++)
        expect((rows[i] as RequestDetail).cost).toBeGreaterThanOrEqual((rows[i - 1] as RequestDetail).cost);
      const csv = await t.app.inject({ method: 'GET', url: await startExport('csv', 'tag=sample') });
      expect(parseCsv(csv.body)).toHaveLength(1501);
      await t.app.inject({ method: 'DELETE', url: '/api/sample-data', headers: KEY_HEADER });
    });

    it('guards every cell a spreadsheet would evaluate', () => {
      expect(csvCell('=1+1')).toBe("'=1+1");
      expect(csvCell('+1')).toBe("'+1");
      expect(csvCell('-1')).toBe("'-1");
      expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(csvCell('\tx')).toBe("'\tx");
      expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`);
      expect(csvCell(-1)).toBe('-1');
      expect(csvCell(null)).toBe('');
      expect(csvCell('plain')).toBe('plain');
    });

    it('a download link works once, needs no key, and unknown tokens are 404 JSON', async () => {
      const url = await startExport('jsonl', '');
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      const again = await t.app.inject({ method: 'GET', url });
      expect(again.statusCode).toBe(404);
      expect(errorOf(again).error).toBe('export_not_found');
      expect((await t.app.inject({ method: 'GET', url: '/api/exports/made-up-token' })).statusCode).toBe(404);
    });

    it('links are signed, expire after 60 seconds and work once', () => {
      let now = 1_000_000;
      const tokens = new ExportTokens(['key-a', 'key-b'], () => now);
      const query = new URLSearchParams('tag=export&meta.team%20%2F%20a=x');
      const redeem = (link: string) => {
        const [path = '', search = ''] = link.split('?');
        return tokens.redeem(path.split('/').at(-1) ?? '', new URLSearchParams(search));
      };
      const fresh = tokens.issue('csv', query, 'key-b');
      const stale = tokens.issue('jsonl', query, 'key-a');
      now += EXPORT_TOKEN_TTL_MS - 1;
      const redeemed = redeem(fresh);
      expect(redeemed?.format).toBe('csv');
      expect(redeemed?.query.toString()).toBe(query.toString());
      expect(redeem(fresh)).toBeUndefined();
      now += 1;
      expect(redeem(stale)).toBeUndefined();

      const link = tokens.issue('csv', query, 'key-a');
      expect(redeem(link.replace('tag=export', 'tag=other'))).toBeUndefined();
      expect(redeem(link.replace('_format=csv', '_format=jsonl'))).toBeUndefined();
      expect(redeem(`${link}&tag=extra`)).toBeUndefined();
      expect(redeem(link.replace(/_exp=\d+/, `_exp=${now + 50_000}`))).toBeUndefined();
      expect(redeem(new ExportTokens(['key-c'], () => now).issue('csv', query, 'key-c'))).toBeUndefined();
      expect(redeem(link)).toBeDefined();
    });

    it('a link issued by one server works on another that accepts the same key', async () => {
      const other = buildApp({
        store: t.store,
        apiKeys: [TEST_KEY],
        version: 'test',
        distDir: '/nonexistent',
      });
      const stranger = buildApp({
        store: t.store,
        apiKeys: ['another-key'],
        version: 'test',
        distDir: '/nonexistent',
      });
      try {
        const url = await startExport('jsonl', 'tag=export');
        expect((await stranger.inject({ method: 'GET', url })).statusCode).toBe(404);
        const response = await other.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(200);
        expect(response.body.trimEnd().split('\n')).toHaveLength(5);
      } finally {
        await other.close();
        await stranger.close();
      }
    });

    it.each([
      [{ format: 'xlsx', query: '' }, 'format'],
      [{ query: '' }, 'format'],
      [{ format: 'csv' }, 'query'],
      [{ format: 'csv', query: 'status=nope' }, 'status'],
      [{ format: 'csv', query: 'cursor=x&sort=colour' }, 'sort'],
    ])('POST /api/exports refuses %j with a 400 naming %s', async (payload, field) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/exports',
        headers: KEY_HEADER,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message.startsWith(`${field}:`)).toBe(true);
    });

    it('POST /api/exports needs a key', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/exports',
        payload: { format: 'csv', query: '' },
      });
      expect(response.statusCode).toBe(401);
    });
  });
});
