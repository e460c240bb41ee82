/**
 * Sample data: PromptLayer `/log-request` wire bodies, as an SDK would send them. Deterministic for a
 * seed; item i depends only on (seed, i, count, now), so any slice can be regenerated on its own.
 */
import { metadataFor, outcomeFor, pickEnv, pickUser, scoreFor, tagsFor } from './annotations.ts';
import { LARGE_PAYLOAD_RATE, largeConversation } from './large.ts';
import { CHAT_MODELS, COMPLETION_MODELS, type ModelSpec, priceOf } from './models.ts';
import { createRandom, hashSeed, mixSeed, type Random } from './random.ts';
import type { Conversation, Scenario } from './scenario.ts';
import { TEXT_SCENARIOS } from './scenarios-text.ts';
import { TOOL_SCENARIOS } from './scenarios-tools.ts';
import type { LogRequestBody, PromptTemplate, WireTime } from './wire.ts';

export type { LogRequestBody } from './wire.ts';

export interface GenerateOptions {
  seed?: string | number;
  /** Epoch ms; start times fall in the 30 days before it. Default: Date.now(). */
  now?: number;
  /** Added to every request's tags (e.g. `sample`, so sample data can be removed by filter). */
  extraTags?: readonly string[];
  /** Index of the first item; lets a caller resume or generate a slice. Default 0. */
  startIndex?: number;
}

export const SPREAD_MS = 30 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const SCENARIOS: readonly Scenario[] = [...TEXT_SCENARIOS, ...TOOL_SCENARIOS];
const SCENARIO_WEIGHTS = SCENARIOS.map((scenario) => [scenario, scenario.weight] as const);
const CHAT_WEIGHTS = CHAT_MODELS.map((model) => [model, model.weight] as const);
const COMPLETION_WEIGHTS = COMPLETION_MODELS.map((model) => [model, model.weight] as const);

export function* generateLogRequests(
  count: number,
  options: GenerateOptions = {},
): Generator<LogRequestBody> {
  const context = makeContext(count, options);
  const start = options.startIndex ?? 0;
  for (let index = start; index < count; index++) yield generateOne(index, context);
}

interface Context {
  count: number;
  baseSeed: number;
  now: number;
  extraTags: readonly string[];
}

function makeContext(count: number, options: GenerateOptions): Context {
  return {
    count,
    baseSeed: hashSeed(options.seed ?? 1),
    now: options.now ?? Date.now(),
    extraTags: options.extraTags ?? [],
  };
}

function generateOne(index: number, context: Context): LogRequestBody {
  const random = createRandom(mixSeed(context.baseSeed, index));
  const scenario = random.weighted(SCENARIO_WEIGHTS);
  const model = random.weighted(scenario.kind === 'chat' ? CHAT_WEIGHTS : COMPLETION_WEIGHTS);
  const large = scenario.kind === 'chat' && random.chance(LARGE_PAYLOAD_RATE);
  const conversation: Conversation = large ? largeConversation(random) : scenario.build(random, model);
  const outcome = outcomeFor(random);

  const inputTokens = estimateTokens(conversation.input, random);
  const failedBeforeAnswer = outcome.status === 'ERROR';
  const output: PromptTemplate = failedBeforeAnswer ? emptyOutput(conversation.output) : conversation.output;
  const outputTokens = failedBeforeAnswer ? 0 : estimateTokens(output, random);
  const latencyMs = outcome.latencyMs ?? latencyFor(random, model, outputTokens);
  const startMs = startTimeFor(random, index, context, latencyMs);
  const env = pickEnv(random);
  const userNumber = pickUser(random);

  const body: LogRequestBody = {
    provider: model.provider,
    model: model.name,
    input: conversation.input,
    output,
    parameters: parametersFor(random, model),
    tags: tagsFor(random, env, scenario.promptName, context.extraTags),
    metadata: metadataFor(random, env, userNumber, Math.floor(startMs / DAY_MS)),
    status: outcome.status,
  };
  if (random.chance(0.92)) body.function_name = model.functionName;
  if (random.chance(0.85)) body.api_type = model.apiType;
  if (outcome.errorType) body.error_type = outcome.errorType;
  if (outcome.errorMessage) body.error_message = outcome.errorMessage;
  if (!failedBeforeAnswer || random.chance(0.5)) body.price = priceOf(model, inputTokens, outputTokens);
  const score = scoreFor(random);
  if (score) Object.assign(body, score);

  const camel = random.chance(0.05);
  if (scenario.promptName && !large) {
    if (camel) body.promptName = scenario.promptName;
    else body.prompt_name = scenario.promptName;
    if (random.chance(0.9)) body.prompt_version_number = versionFor(random, scenario.versions);
    if (conversation.variables) body.prompt_input_variables = conversation.variables;
  }
  if (camel) {
    body.inputTokens = inputTokens;
    body.outputTokens = outputTokens;
  } else {
    body.input_tokens = inputTokens;
    body.output_tokens = outputTokens;
  }
  setTimes(body, random, startMs, startMs + latencyMs, camel);
  return body;
}

/** Start times spread over the window, mostly increasing with the index, with jitter. */
function startTimeFor(random: Random, index: number, context: Context, latencyMs: number): number {
  const windowStart = context.now - SPREAD_MS;
  const slot = SPREAD_MS / Math.max(context.count, 1);
  let ms = windowStart + (index + random.next()) * slot;
  // A few requests arrive late relative to their neighbours (clock skew, batch uploads).
  if (random.chance(0.02)) ms -= random.next() * Math.min(2 * 60 * 60 * 1000, SPREAD_MS / 10);
  else ms += (random.next() - 0.5) * Math.min(slot * 4, 5 * 60 * 1000);
  const latest = context.now - latencyMs - 1;
  return Math.round(Math.min(Math.max(ms, windowStart), latest));
}

function setTimes(
  body: LogRequestBody,
  random: Random,
  startMs: number,
  endMs: number,
  camel: boolean,
): void {
  const form = random.weighted([
    ['iso', 80],
    ['seconds', 12],
    ['millis', 8],
  ] as const);
  const encode = (ms: number): WireTime =>
    form === 'iso' ? new Date(ms).toISOString() : form === 'seconds' ? ms / 1000 : ms;
  if (camel) {
    body.requestStartTime = encode(startMs);
    body.requestEndTime = encode(endMs);
  } else {
    body.request_start_time = encode(startMs);
    body.request_end_time = encode(endMs);
  }
}

/** Sum of string lengths plus a little per object: close to the JSON size, far cheaper to compute. */
function charCount(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 4;
  let total = 8;
  if (Array.isArray(value)) {
    for (const item of value) total += charCount(item);
    return total;
  }
  for (const key in value) total += key.length + charCount((value as Record<string, unknown>)[key]);
  return total;
}

function estimateTokens(template: PromptTemplate, random: Random): number {
  const chars = charCount(template);
  return Math.max(1, Math.round((chars / 4) * (0.7 + random.next() * 0.3)));
}

function latencyFor(random: Random, model: ModelSpec, outputTokens: number): number {
  const perToken = model.baseLatencyMs / 300;
  const spread = 0.6 + random.next() * random.next() * 3;
  return Math.max(40, Math.round((200 + perToken * outputTokens) * spread));
}

function parametersFor(random: Random, model: ModelSpec): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    temperature: random.pick([0, 0.2, 0.5, 0.7, 1]),
    max_tokens: random.pick([256, 512, 1024, 2048, 4096]),
  };
  if (random.chance(0.3)) parameters.top_p = random.pick([0.9, 0.95, 1]);
  if (model.supportsThinking && random.chance(0.6)) {
    parameters.thinking = { type: 'enabled', budget_tokens: random.pick([512, 1024, 4096]) };
  }
  return parameters;
}

/** Most traffic is on the newest versions. */
function versionFor(random: Random, versions: number): number {
  const r = random.next();
  return Math.max(1, versions - Math.floor(r * r * versions));
}

function emptyOutput(template: PromptTemplate): PromptTemplate {
  return template.type === 'chat' ? { type: 'chat', messages: [] } : { type: 'completion', content: [] };
}
