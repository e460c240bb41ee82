/**
 * Sample prompt templates (with versions and release labels) and sample requests logged the two
 * other ways PromptLayer apps log: wrapped provider clients and run(), both as /track-request
 * bodies through THE /track-request ingest path. Deterministic for a given `now`.
 */
import { publishBodySchema } from '../../contract/prompt-registry.ts';
import { normalizeTrackRequest } from '../ingest/track-request/normalize-track-request.ts';
import { publishVersion } from '../prompts/registry-service.ts';
import type { NewRequest, Store } from '../store/store.ts';

type Json = Record<string, unknown>;

interface SampleTemplate {
  name: string;
  versions: { system: string; user: string; labels: string[]; commit: string; temperature: number }[];
}

const TEMPLATES: SampleTemplate[] = [
  {
    name: 'support/triage',
    versions: [
      {
        system: 'You route support tickets.',
        user: 'Classify: {ticket}',
        labels: [],
        commit: 'first draft',
        temperature: 0.5,
      },
      {
        system: 'You route support tickets for {product}.',
        user: 'Classify this ticket: {ticket}\nAnswer with one word.',
        labels: ['prod'],
        commit: 'one-word answers',
        temperature: 0.2,
      },
      {
        system: 'You route support tickets for {product}.',
        user: 'Classify this ticket: {ticket}\nAnswer with one of: billing, bug, account.',
        labels: ['staging'],
        commit: 'fixed categories',
        temperature: 0,
      },
    ],
  },
  {
    name: 'welcome-email',
    versions: [
      {
        system: 'You write short, warm emails.',
        user: 'Write a welcome email for {name} who joined the {plan} plan.',
        labels: ['prod'],
        commit: 'initial',
        temperature: 0.8,
      },
      {
        system: 'You write short, warm emails. No more than 80 words.',
        user: 'Write a welcome email for {name} ({plan} plan).',
        labels: ['staging'],
        commit: 'shorter',
        temperature: 0.7,
      },
    ],
  },
  {
    name: 'summarize',
    versions: [
      {
        system: 'Summarize in three bullet points.',
        user: '{{ document }}',
        labels: ['prod'],
        commit: 'jinja2 summary',
        temperature: 0.3,
      },
    ],
  },
];

const TICKETS = [
  'I was charged twice this month',
  'The export button does nothing',
  'I cannot log in after resetting my password',
  'Where is my invoice?',
];
const PEOPLE = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan'];
const QUESTIONS = [
  'What is the capital of Norway?',
  'Convert 20 C to F',
  'Suggest a name for a bakery',
  'Explain recursion in one sentence',
];

/** Publishes the sample templates the registry does not have yet (existing ones are left as they are). */
export async function publishSampleTemplates(
  store: Store,
): Promise<Map<string, { id: number; version: number }>> {
  const published = new Map<string, { id: number; version: number }>();
  for (const template of TEMPLATES) {
    const existing = await store.prompts.find(template.name, { label: 'prod' });
    if (existing.found) {
      published.set(template.name, { id: existing.record.templateId, version: existing.record.version });
      continue;
    }
    for (const version of template.versions) {
      const format = version.user.includes('{{') ? 'jinja2' : 'f-string';
      const body = {
        prompt_name: template.name,
        prompt_template: {
          type: 'chat',
          messages: [
            { role: 'system', template_format: format, content: [{ type: 'text', text: version.system }] },
            { role: 'user', template_format: format, content: [{ type: 'text', text: version.user }] },
          ],
        },
        metadata: {
          model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: version.temperature } },
        },
        commit_message: version.commit,
      };
      const record = await publishVersion(
        store.prompts,
        publishBodySchema.parse({
          prompt_template: body,
          prompt_version: body,
          release_labels: version.labels,
        }),
      );
      if (version.labels.includes('prod'))
        published.set(template.name, { id: record.templateId, version: record.version });
    }
  }
  return published;
}

function times(now: number, i: number, latencyMs: number) {
  const start = now - ((i * 7_919_000) % (30 * 24 * 3600 * 1000)) - 60_000;
  return { request_start_time: new Date(start).toISOString(), request_end_time: (start + latencyMs) / 1000 };
}

function wrappedOpenAi(i: number, now: number, tags: string[]): Json {
  const question = QUESTIONS[i % QUESTIONS.length] as string;
  return {
    function_name: 'openai.chat.completions.create',
    provider_type: 'openai',
    kwargs: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], temperature: 0.7 },
    request_response: {
      object: 'chat.completion',
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: `Here is an answer to: ${question}` },
        },
      ],
      usage: { prompt_tokens: 14 + (i % 9), completion_tokens: 30 + (i % 40) },
    },
    tags: [...tags, 'wrapped-client'],
    span_id: '0000000000000000',
    ...times(now, i, 400 + ((i * 37) % 1600)),
  };
}

function wrappedAnthropic(i: number, now: number, tags: string[]): Json {
  const question = QUESTIONS[(i + 1) % QUESTIONS.length] as string;
  return {
    function_name: 'anthropic.messages.create',
    provider_type: 'anthropic',
    kwargs: {
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      system: 'Be concise.',
      messages: [{ role: 'user', content: question }],
    },
    request_response: {
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [
        { type: 'thinking', thinking: 'The user wants a short answer.', signature: 'sig' },
        { type: 'text', text: `Briefly: ${question.toLowerCase()}` },
      ],
      stop_reason: 'end_turn',
      usage: { input_tokens: 20 + (i % 7), output_tokens: 25 + (i % 30) },
    },
    tags: [...tags, 'wrapped-client'],
    ...times(now, i, 700 + ((i * 53) % 2500)),
  };
}

/** A gpt-4o chat completion as the wrapped OpenAI client posts it: `messages` in, `answer` out. */
function gpt4oChat(params: Json, messages: Json[], answer: string, usage: Json): Json {
  return {
    function_name: 'openai.chat.completions.create',
    provider_type: 'openai',
    args: [],
    kwargs: { model: 'gpt-4o', ...params, messages },
    request_response: {
      object: 'chat.completion',
      model: 'gpt-4o-2024-08-06',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer } }],
      usage,
    },
  };
}

function runTriage(i: number, now: number, tags: string[], link: { id: number; version: number }): Json {
  const ticket = TICKETS[i % TICKETS.length] as string;
  const answer = ['billing', 'bug', 'account', 'billing'][i % 4] as string;
  return {
    ...gpt4oChat(
      { temperature: 0.2, stream: false },
      [
        { role: 'system', content: 'You route support tickets for Acme.' },
        { role: 'user', content: `Classify this ticket: ${ticket}\nAnswer with one word.` },
      ],
      answer,
      { prompt_tokens: 40, completion_tokens: 1 },
    ),
    tags: [...tags, 'run'],
    metadata: { user_id: `user_${i % 13}` },
    prompt_id: link.id,
    prompt_version: link.version,
    prompt_input_variables: { ticket, product: 'Acme' },
    return_prompt_blueprint: true,
    ...times(now, i, 300 + ((i * 29) % 900)),
  };
}

function runWelcome(i: number, now: number, tags: string[], link: { id: number; version: number }): Json {
  const name = PEOPLE[i % PEOPLE.length] as string;
  return {
    ...gpt4oChat(
      { temperature: 0.8 },
      [
        { role: 'system', content: 'You write short, warm emails.' },
        { role: 'user', content: `Write a welcome email for ${name} who joined the Pro plan.` },
      ],
      `Hi ${name},\n\nWelcome to Pro! We are glad you are here.`,
      { prompt_tokens: 35, completion_tokens: 22 },
    ),
    tags: [...tags, 'run'],
    prompt_id: link.id,
    prompt_version: link.version,
    prompt_input_variables: { name, plan: 'Pro' },
    ...times(now, i, 900 + ((i * 31) % 1800)),
  };
}

/** `count` /track-request bodies as wrapped clients and run() post them (links: template name → id, version). */
export function* trackRequestBodies(
  count: number,
  links: Map<string, { id: number; version: number }>,
  options: { now?: number; extraTags?: readonly string[] } = {},
): Generator<Json> {
  const now = options.now ?? Date.now();
  const tags = [...(options.extraTags ?? [])];
  const triage = links.get('support/triage');
  const welcome = links.get('welcome-email');
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    yield kind === 0
      ? wrappedOpenAi(i, now, tags)
      : kind === 1
        ? wrappedAnthropic(i, now, tags)
        : kind === 2 && triage
          ? runTriage(i, now, tags, triage)
          : welcome
            ? runWelcome(i, now, tags, welcome)
            : wrappedOpenAi(i, now, tags);
  }
}

/** The same bodies normalised by the /track-request path, linked to their templates by name. */
export function trackedSampleRequests(
  count: number,
  links: Map<string, { id: number; version: number }>,
  options: { now?: number; extraTags?: readonly string[] } = {},
): NewRequest[] {
  const names = new Map([...links.entries()].map(([name, link]) => [String(link.id), name]));
  return [...trackRequestBodies(count, links, options)].map((body) => {
    const { request } = normalizeTrackRequest(body);
    request.promptName = request.promptId === null ? null : (names.get(request.promptId) ?? null);
    return request;
  });
}

/** How many of `total` sample requests are logged the /track-request way: 5%, at least 8, at most 400. */
export function trackedShare(total: number): number {
  return Math.min(total, 400, Math.max(8, Math.round(total * 0.05)));
}

/** Publishes the sample templates, then inserts `count` requests through /track-request's path. */
export async function seedPromptSamples(
  store: Store,
  count: number,
  options: { now?: number; extraTags?: readonly string[]; sample?: boolean } = {},
): Promise<number> {
  const links = await publishSampleTemplates(store);
  const requests = trackedSampleRequests(count, links, options);
  // `sample`: marked as generated, so "Remove sample data" removes exactly these (Store.insertSampleRequests).
  if (requests.length > 0)
    await (options.sample ? store.insertSampleRequests(requests) : store.insertRequests(requests));
  return requests.length;
}
