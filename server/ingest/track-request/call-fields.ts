/** The fields every mapper reads off a call the same way: model, model parameters, tool options, token counts. */
import { INT32_MAX } from '../../../contract/promptlayer.ts';
import { chat } from './blueprint-blocks.ts';
import { recordOf } from './loose-json.ts';
import type { Block, MappedCall, Message } from './provider-call.ts';

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

/**
 * A chat call whose kwargs name `model`, `tools` and `tool_choice` and whose reply counts
 * `input_tokens` / `output_tokens` (Anthropic Messages, OpenAI Responses); `keys` are the other
 * kwargs the template holds.
 */
export function toolChatCall(
  apiType: string,
  kwargs: Record<string, unknown>,
  reply: Record<string, unknown>,
  template: { keys: readonly string[]; messages: Message[]; tools: Block[] | undefined },
  output: Record<string, unknown>,
): MappedCall {
  return {
    model: modelOf(reply, kwargs.model),
    apiType,
    parameters: parametersOf(kwargs, [...template.keys, 'model', 'tools', 'tool_choice']),
    input: chat(template.messages, toolOptions(template.tools, kwargs.tool_choice)),
    output,
    ...tokensOf(reply.usage, 'input_tokens', 'output_tokens'),
  };
}
