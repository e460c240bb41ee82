/**
 * What authentication costs: a list call made with a configured key (an in-memory compare), a
 * stored key and a session cookie (a store lookup, cached while revocations are live), samples
 * interleaved so drift hits all three alike; and sign-in itself (the scrypt hash).
 * Budgets (issue 11): auth adds ≤ 0.2 ms p50 to a list call; sign-in p50 ≤ 300 ms.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { summarize } from './percentile.ts';
import { type JudgedRow, judged } from './table.ts';

const LIST = '/api/requests?limit=50';
const OVERHEAD_BUDGET_MS = 0.2;
const SIGN_IN_BUDGET_MS = 300;
const SIGN_INS = 10;

interface Reply {
  status: number;
  body: string;
  cookie: string | undefined;
  ms: number;
}

function call(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const all =
    payload === undefined
      ? headers
      : { ...headers, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(new URL(path, base), { method, headers: all, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const setCookie = res.headers['set-cookie']?.[0];
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cookie: setCookie?.split(';')[0],
          ms: performance.now() - started,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function runAuthBench(options: {
  baseUrl: string;
  apiKey: string;
  samples: number;
}): Promise<JudgedRow[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const admin = { 'x-api-key': options.apiKey };
  const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    call(agent, options.baseUrl, method, path, headers, body);
  try {
    const created = await send('POST', '/api/keys', admin, { name: 'bench read key', scope: 'read' });
    if (created.status !== 201) throw new Error(`POST /api/keys → ${created.status}: ${created.body}`);
    const stored = JSON.parse(created.body) as { id: number; key: string };
    const email = `bench-${randomBytes(6).toString('hex')}@bench.test`;
    const password = randomBytes(12).toString('base64url');
    const account = await send('POST', '/api/accounts', admin, {
      email,
      name: 'bench',
      role: 'viewer',
      password,
    });
    if (account.status !== 201) throw new Error(`POST /api/accounts → ${account.status}: ${account.body}`);

    const signIns: number[] = [];
    let cookie = '';
    for (let i = 0; i < SIGN_INS; i += 1) {
      const reply = await send('POST', '/api/session', {}, { email, password });
      if (reply.status !== 200 || !reply.cookie)
        throw new Error(`POST /api/session → ${reply.status}: ${reply.body}`);
      signIns.push(reply.ms);
      cookie = reply.cookie;
    }

    const callers = {
      configured: admin,
      stored: { 'x-api-key': stored.key },
      session: { cookie },
    };
    const times: Record<keyof typeof callers, number[]> = { configured: [], stored: [], session: [] };
    const warmUp = 20;
    for (let i = 0; i < options.samples + warmUp; i += 1) {
      for (const name of Object.keys(callers) as (keyof typeof callers)[]) {
        const reply = await send('GET', LIST, callers[name]);
        if (reply.status !== 200) throw new Error(`GET ${LIST} as ${name} → ${reply.status}`);
        if (i >= warmUp) times[name].push(reply.ms);
      }
    }
    await send('DELETE', `/api/keys/${stored.id}`, admin);

    const base = summarize(times.configured);
    const rows: JudgedRow[] = [
      judged(
        {
          section: 'auth',
          name: 'list, configured key',
          samples: base.samples,
          p50: base.p50,
          p95: base.p95,
          note: 'baseline: in-memory key compare',
        },
        undefined,
      ),
    ];
    for (const name of ['stored', 'session'] as const) {
      const s = summarize(times[name]);
      const overhead = s.p50 - base.p50;
      rows.push(
        judged(
          {
            section: 'auth',
            name: name === 'stored' ? 'list, stored key' : 'list, session cookie',
            samples: s.samples,
            p50: s.p50,
            p95: s.p95,
            budget: `p50 overhead ≤ ${OVERHEAD_BUDGET_MS} ms`,
            note: `+${overhead.toFixed(3)} ms p50 over the configured key`,
          },
          overhead <= OVERHEAD_BUDGET_MS,
          `+${overhead.toFixed(3)} ms > ${OVERHEAD_BUDGET_MS} ms`,
        ),
      );
    }
    const signIn = summarize(signIns);
    rows.push(
      judged(
        {
          section: 'auth',
          name: 'sign-in (scrypt)',
          samples: signIn.samples,
          p50: signIn.p50,
          p95: signIn.p95,
          budget: `p50 ≤ ${SIGN_IN_BUDGET_MS} ms`,
        },
        signIn.p50 <= SIGN_IN_BUDGET_MS,
        `p50 ${signIn.p50.toFixed(0)} ms > ${SIGN_IN_BUDGET_MS} ms`,
      ),
    );
    return rows;
  } finally {
    agent.destroy();
  }
}
