/** OpenAI legacy completions and Anthropic's legacy completions API: prompt text in, text out. */
import { completion } from './blueprint-blocks.ts';
import { modelOf, parametersOf, tokensOf } from './call-fields.ts';
import { arrayOf, recordOf } from './loose-json.ts';
import type { MappedCall, ProviderCall } from './provider-call.ts';

function promptText(prompt: unknown): string | undefined {
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) return prompt.map(String).join('\n');
  return undefined;
}

/** A prompt-text call: the prompt in, the reply's `text` out. */
function completionCall(
  kwargs: Record<string, unknown>,
  reply: Record<string, unknown>,
  text: unknown,
  tokens: Pick<MappedCall, 'inputTokens' | 'outputTokens'>,
): MappedCall {
  return {
    model: modelOf(reply, kwargs.model),
    apiType: 'completions',
    parameters: parametersOf(kwargs, ['prompt', 'model']),
    input: completion(promptText(kwargs.prompt)),
    output: completion(typeof text === 'string' ? text : undefined),
    ...tokens,
  };
}

export function mapOpenAiCompletion({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const choice = recordOf(arrayOf(reply.choices)[0]);
  return completionCall(
    kwargs,
    reply,
    choice.text,
    tokensOf(reply.usage, 'prompt_tokens', 'completion_tokens'),
  );
}

export function mapAnthropicCompletion({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  return completionCall(kwargs, reply, reply.completion, { inputTokens: 0, outputTokens: 0 });
}
