/**
 * What a convention mapper reads out of a span: one model call. toNewRequest() turns it into a
 * PromptLayer /log-request body and runs it through the same normaliser as POST /log-request.
 */
import type { SpanEvent } from '../../../contract/traces.ts';
import type { NewSpan } from '../../store/spans.ts';
import type { NewRequest } from '../../store/store.ts';
import { normalizeLogRequest } from '../normalize-log-request.ts';
import type { Message } from './messages.ts';

export interface LlmCall {
  model: string | null;
  provider: string | null;
  input: Message[];
  output: Message[];
  inputTokens: number | null;
  outputTokens: number | null;
  parameters: Record<string, unknown>;
  tools: unknown[] | null;
  /** `completion` for text completions (input is one prompt); chat otherwise. */
  kind: 'chat' | 'completion';
  functionName: string | null;
}

export const emptyCall = (): LlmCall => ({
  model: null,
  provider: null,
  input: [],
  output: [],
  inputTokens: null,
  outputTokens: null,
  parameters: {},
  tools: null,
  kind: 'chat',
  functionName: null,
});

export type Attributes = Record<string, unknown>;

export const attrString = (attributes: Attributes, key: string): string | null => {
  const value = attributes[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
};

export const attrNumber = (attributes: Attributes, key: string): number | null => {
  const value = attributes[key];
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/** Attributes under `prefix.` as one record with the prefix removed. */
export function withPrefix(attributes: Attributes, prefix: string): Attributes {
  const out: Attributes = {};
  const p = `${prefix}.`;
  for (const key of Object.keys(attributes))
    if (key.startsWith(p)) out[key.slice(p.length)] = attributes[key];
  return out;
}

/** `prefix.N.rest` attributes grouped by N (in index order), each group keyed by `rest`. */
export function indexed(attributes: Attributes, prefix: string): Attributes[] {
  const groups = new Map<number, Attributes>();
  const p = `${prefix}.`;
  for (const key of Object.keys(attributes)) {
    if (!key.startsWith(p)) continue;
    const rest = key.slice(p.length);
    const dot = rest.indexOf('.');
    const index = Number(dot < 0 ? rest : rest.slice(0, dot));
    if (!Number.isInteger(index) || index < 0 || index > 100_000) continue;
    let group = groups.get(index);
    if (!group) {
      group = {};
      groups.set(index, group);
    }
    group[dot < 0 ? '' : rest.slice(dot + 1)] = attributes[key];
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}

const PROVIDER_ALIASES: Record<string, string> = {
  gemini: 'google',
  'gcp.gemini': 'google',
  'gcp.vertex_ai': 'vertexai',
  vertex_ai: 'vertexai',
  'aws.bedrock': 'amazon.bedrock',
  aws_bedrock: 'amazon.bedrock',
  bedrock: 'amazon.bedrock',
  'azure.ai.openai': 'openai.azure',
  az_ai_openai: 'openai.azure',
  azure_openai: 'openai.azure',
  mistral_ai: 'mistral',
};

/** A provider as PromptLayer names it (`openai.chat` from Vercel → `openai`). */
export function canonicalProvider(provider: string | null, attributes: Attributes): string {
  if (!provider) return 'unknown';
  let p = provider.toLowerCase();
  p = PROVIDER_ALIASES[p] ?? p;
  if (p.includes('.') && !Object.values(PROVIDER_ALIASES).includes(p)) p = p.slice(0, p.indexOf('.'));
  const address = attrString(attributes, 'server.address') ?? '';
  if (p === 'openai' && address.endsWith('.openai.azure.com')) return 'openai.azure';
  return p;
}

const MAX_ERROR = 1_024;

function errorMessageOf(span: NewSpan): string | null {
  const exception = span.events.find((event: SpanEvent) => event.name === 'exception');
  const message =
    exception?.attributes['exception.message'] ?? span.statusMessage ?? span.attributes['error.type'];
  return message === undefined || message === null ? null : String(message).slice(0, MAX_ERROR);
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

/** The request a span logs; null when the normaliser refuses what the span carried. */
export function toNewRequest(
  call: LlmCall,
  span: NewSpan,
  extra: {
    tags: string[];
    metadata: Record<string, string>;
    promptName: string | null;
    promptId: string | null;
    promptVersion: number | null;
  },
): NewRequest | null {
  const failed = span.statusCode === 2;
  const model = clip(call.model ?? 'unknown', 256);
  const input =
    call.kind === 'completion'
      ? { type: 'completion', content: call.input.flatMap((m) => m.content) }
      : { type: 'chat', messages: call.input, ...(call.tools ? { tools: call.tools } : {}) };
  const output =
    call.kind === 'completion'
      ? { type: 'completion', content: call.output.flatMap((m) => m.content) }
      : { type: 'chat', messages: call.output };
  const body = {
    provider: clip(canonicalProvider(call.provider, span.attributes), 256),
    model,
    input,
    output,
    request_start_time: Math.floor(span.startUs / 1000),
    request_end_time: Math.max(Math.floor(span.startUs / 1000), Math.floor(span.endUs / 1000)),
    input_tokens:
      call.inputTokens === null ? null : Math.max(0, Math.min(Math.round(call.inputTokens), 2_147_483_647)),
    output_tokens:
      call.outputTokens === null ? null : Math.max(0, Math.min(Math.round(call.outputTokens), 2_147_483_647)),
    parameters: call.parameters,
    tags: extra.tags.map((tag) => clip(tag, 512)),
    metadata: extra.metadata,
    prompt_name: extra.promptName,
    prompt_id: extra.promptId,
    prompt_version_number: extra.promptVersion,
    function_name: call.functionName ?? span.name.slice(0, 1024),
    status: failed ? 'ERROR' : 'SUCCESS',
    error_type: failed ? 'PROVIDER_ERROR' : null,
    error_message: failed ? errorMessageOf(span) : null,
  };
  try {
    return normalizeLogRequest(body);
  } catch {
    return null;
  }
}
