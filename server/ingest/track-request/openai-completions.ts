/** OpenAI legacy completions and Anthropic's legacy completions API: prompt text in, text out. */
import {
  arrayOf,
  completion,
  type MappedCall,
  modelOf,
  type ProviderCall,
  parametersOf,
  recordOf,
  tokenCount,
} from './provider-call.ts';

function promptText(prompt: unknown): string | undefined {
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) return prompt.map(String).join('\n');
  return undefined;
}

export function mapOpenAiCompletion({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const choice = recordOf(arrayOf(reply.choices)[0]);
  const usage = recordOf(reply.usage);
  return {
    model: modelOf(reply, kwargs.model),
    apiType: 'completions',
    parameters: parametersOf(kwargs, ['prompt', 'model']),
    input: completion(promptText(kwargs.prompt)),
    output: completion(typeof choice.text === 'string' ? choice.text : undefined),
    inputTokens: tokenCount(usage.prompt_tokens),
    outputTokens: tokenCount(usage.completion_tokens),
  };
}

export function mapAnthropicCompletion({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  return {
    model: modelOf(reply, kwargs.model),
    apiType: 'completions',
    parameters: parametersOf(kwargs, ['prompt', 'model']),
    input: completion(promptText(kwargs.prompt)),
    output: completion(typeof reply.completion === 'string' ? reply.completion : undefined),
    inputTokens: 0,
    outputTokens: 0,
  };
}
