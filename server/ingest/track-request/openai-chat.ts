/** OpenAI chat completions (also Mistral, OpenRouter and other OpenAI-shaped chat calls). */
import { assistantOutput, chat, textBlock, toolCallBlock } from './blueprint-blocks.ts';
import { modelOf, parametersOf, tokensOf, toolOptions } from './call-fields.ts';
import { arrayOf, isRecord, recordOf, recordsOf } from './loose-json.ts';
import type { Block, MappedCall, Message, ProviderCall } from './provider-call.ts';

/** Message content: a string, null, or parts (text, image_url, input_audio, file, …: kept as sent). */
export function openAiContent(content: unknown): Block[] {
  if (typeof content === 'string') return [textBlock(content)];
  return arrayOf(content).map((part) => (isRecord(part) ? part : textBlock(String(part))));
}

export function openAiToolCalls(value: unknown): Block[] {
  return recordsOf(value).map((call) => {
    const fn = recordOf(call.function);
    return toolCallBlock(call.id, fn.name, fn.arguments);
  });
}

function message(raw: Record<string, unknown>): Message {
  const { content, tool_calls, ...rest } = raw;
  const out: Message = { ...rest, role: String(raw.role ?? 'user'), content: openAiContent(content) };
  const calls = openAiToolCalls(tool_calls);
  if (calls.length > 0) out.tool_calls = calls;
  return out;
}

/** Legacy `functions` become tools. */
function toolsOf(kwargs: Record<string, unknown>): Record<string, unknown>[] | undefined {
  if (Array.isArray(kwargs.tools)) return recordsOf(kwargs.tools);
  if (Array.isArray(kwargs.functions))
    return recordsOf(kwargs.functions).map((fn) => ({ type: 'function', function: fn }));
  return undefined;
}

export function mapOpenAiChat({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const extra = toolOptions(toolsOf(kwargs), kwargs.tool_choice);
  const answer = recordOf(recordOf(arrayOf(reply.choices)[0]).message);
  const refusal = typeof answer.refusal === 'string' ? { refusal: answer.refusal } : {};
  return {
    model: modelOf(reply, kwargs.model),
    apiType: 'chat-completions',
    parameters: parametersOf(kwargs, ['messages', 'model', 'tools', 'tool_choice', 'functions']),
    input: chat(recordsOf(kwargs.messages).map(message), extra),
    output: assistantOutput(openAiContent(answer.content), openAiToolCalls(answer.tool_calls), refusal),
    ...tokensOf(reply.usage, 'prompt_tokens', 'completion_tokens'),
  };
}
