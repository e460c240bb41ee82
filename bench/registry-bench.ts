/**
 * The prompt registry: POST /prompt-templates/{name} (what run() calls before every model call)
 * with T templates × V versions in the registry. Templates named `bench-prompt-<i>` are published
 * once through POST /rest-prompt-templates and kept with the bench database (re-runs reuse them).
 */
import { BenchHttp } from './http-client.ts';
import { postConcurrently } from './ingest-bench.ts';
import { summarize } from './percentile.ts';
import type { BenchResult } from './types.ts';

const PREFIX = 'bench-prompt-';

function publishBody(name: string, version: number): string {
  const body = {
    prompt_name: name,
    prompt_template: {
      type: 'chat',
      messages: [
        {
          role: 'system',
          content: [
            { type: 'text', text: `You are assistant ${name}, revision ${version}. Topic: {topic}.` },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'Question from {user}: {question}' }] },
      ],
    },
    metadata: {
      model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0.2, max_tokens: 256 } },
    },
    commit_message: `revision ${version}`,
  };
  return JSON.stringify({
    prompt_template: body,
    prompt_version: body,
    release_labels: version === 1 ? ['prod'] : ['latest-build'],
  });
}

/** Publishes whatever the registry lacks of T × V (one client per template, versions in order). */
async function ensureTemplates(
  baseUrl: string,
  apiKey: string,
  templates: number,
  versions: number,
): Promise<number> {
  const http = new BenchHttp(baseUrl, apiKey, 1);
  const last = await http.send(
    'POST',
    `/prompt-templates/${PREFIX}${templates - 1}`,
    JSON.stringify({ version: versions }),
  );
  http.close();
  if (last.status === 200) return 0;
  const bodies: string[] = [];
  for (let v = 1; v <= versions; v++)
    for (let t = 0; t < templates; t++) bodies.push(publishBody(`${PREFIX}${t}`, v));
  // One round of versions at a time, so each template's versions are numbered in order.
  let published = 0;
  for (let v = 0; v < versions; v++) {
    const round = bodies.slice(v * templates, (v + 1) * templates);
    const run = await postConcurrently({
      baseUrl,
      apiKey,
      clients: 8,
      path: '/rest/prompt-templates',
      bodies: round,
      okStatus: 201,
    });
    if (run.errors > 0) throw new Error(`publishing bench templates failed: ${run.firstError}`);
    published += round.length;
  }
  return published;
}

export async function runRegistryBench(options: {
  baseUrl: string;
  apiKey: string;
  templates: number;
  versions: number;
  samples: number;
  budgetP95Ms: number;
}): Promise<{ results: BenchResult[]; published: number }> {
  const published = await ensureTemplates(
    options.baseUrl,
    options.apiKey,
    options.templates,
    options.versions,
  );
  const http = new BenchHttp(options.baseUrl, options.apiKey, 1);
  const kinds = [
    ['latest', () => ({})],
    ['a version', () => ({ version: 1 + Math.floor(Math.random() * options.versions) })],
    ['a label', () => ({ label: 'prod' })],
  ] as const;
  const results: BenchResult[] = [];
  try {
    for (const [kind, select] of kinds) {
      const latencies: number[] = [];
      for (let i = 0; i < options.samples; i++) {
        const name = `${PREFIX}${Math.floor(Math.random() * options.templates)}`;
        const body = JSON.stringify({
          ...select(),
          input_variables: { topic: 'billing', user: `u${i}`, question: 'Why?' },
        });
        const result = await http.send('POST', `/prompt-templates/${name}`, body);
        if (result.status !== 200)
          throw new Error(`POST /prompt-templates/${name}: ${result.status} ${result.body.slice(0, 160)}`);
        latencies.push(result.ms);
      }
      const stats = summarize(latencies);
      results.push({
        section: 'registry',
        name: `POST /prompt-templates/{name}, ${kind}`,
        samples: stats.samples,
        p50: stats.p50,
        p95: stats.p95,
        budget: `p95 ≤ ${options.budgetP95Ms} ms`,
        note: `${options.templates} templates × ${options.versions} versions, rendered with 3 variables`,
      });
    }
  } finally {
    http.close();
  }
  return { results, published };
}
