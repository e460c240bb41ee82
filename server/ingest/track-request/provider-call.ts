/** What every provider mapper takes (one provider call as posted) and gives (the stored shape). */
import { INT32_MAX } from '../../../contract/promptlayer.ts';

export interface ProviderCall {
  functionName: string;
  providerType: string;
  kwargs: Record<string, unknown>;
  /** The provider's reply (a stream already assembled by the SDK); `{}` after a provider error. */
  response: unknown;
}

export type Message = Record<string, unknown>;
export type Block = Record<string, unknown>;

export interface MappedCall {
  model: string;
  apiType: string | null;
  parameters: Record<string, unknown>;
  /** Chat or completion prompt templates (blueprints), content already as blocks. */
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  inputTokens: number;
  outputTokens: number;
}

export type ProviderMapper = (call: ProviderCall) => MappedCall;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function recordsOf(value: unknown): Record<string, unknown>[] {
  return arrayOf(value).filter(isRecord);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A token count as both stores keep it: a non-negative 32-bit integer (anything else is 0). */
export function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= INT32_MAX ? value : 0;
}

/** The input and output token counts of a reply's usage record, under the provider's key names. */
export function tokensOf(
  usage: unknown,
  inputKey: string,
  outputKey: string,
): Pick<MappedCall, 'inputTokens' | 'outputTokens'> {
  const counts = recordOf(usage);
  return { inputTokens: tokenCount(counts[inputKey]), outputTokens: tokenCount(counts[outputKey]) };
}

/** Tool-call arguments are JSON text in a blueprint; providers send objects or text. */
export function argumentsText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value ?? {});
}

export function textBlock(text: string): Block {
  return { type: 'text', text };
}

/** Content sent as a string (one text block) or as parts, each mapped by `part`. */
export function blocksOf(content: unknown, part: (raw: Record<string, unknown>) => Block): Block[] {
  if (typeof content === 'string') return [textBlock(content)];
  return recordsOf(content).map(part);
}

/** A blueprint tool call; `extra` keys (a provider's own call id) follow the id. */
export function toolCallBlock(
  id: unknown,
  name: unknown,
  args: unknown,
  extra: Record<string, unknown> = {},
): Block {
  return {
    id,
    ...extra,
    type: 'function',
    function: { name: String(name ?? ''), arguments: argumentsText(args) },
  };
}

/** The template's `tools` and `tool_choice`, each only when the call had it. */
export function toolOptions(
  tools: Record<string, unknown>[] | undefined,
  toolChoice: unknown,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (tools) options.tools = tools;
  if (toolChoice !== undefined) options.tool_choice = toolChoice;
  return options;
}

/** The kwargs that are model parameters: everything but the keys the template already holds. */
export function parametersOf(
  kwargs: Record<string, unknown>,
  templateKeys: readonly string[],
): Record<string, unknown> {
  const skip = new Set([
    ...templateKeys,
    'stream',
    'stream_options',
    'return_pl_id',
    'pl_tags',
    'pl_warn_on_error',
    'baseURL',
    'apiKey',
  ]);
  const parameters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kwargs)) if (!skip.has(key)) parameters[key] = value;
  return parameters;
}

/** The model: the reply's, else the request's. */
export function modelOf(response: Record<string, unknown>, ...candidates: unknown[]): string {
  for (const candidate of [response.model, response.modelVersion, response.model_version, ...candidates]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate.slice(0, 256);
  }
  return 'unknown';
}

export function chat(messages: Message[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'chat', messages, ...extra };
}

export function completion(text: string | undefined): Record<string, unknown> {
  return { type: 'completion', content: text === undefined ? [] : [textBlock(text)] };
}

/** One assistant message from its blocks and tool calls, or none when the reply was empty. */
export function assistantOutput(
  content: Block[],
  toolCalls: Block[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  if (content.length === 0 && toolCalls.length === 0 && Object.keys(extra).length === 0) return chat([]);
  const message: Message = { role: 'assistant', content, ...extra };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return chat([message]);
}
