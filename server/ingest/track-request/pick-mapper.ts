/** Which mapper reads a call: by the SDK's function_name (docs/wire-contract.md), else by shape. */
import { mapAnthropicMessages } from './anthropic-messages.ts';
import { mapBedrockConverse } from './bedrock-converse.ts';
import { mapGoogle } from './google.ts';
import { mapOpenAiChat } from './openai-chat.ts';
import { mapAnthropicCompletion, mapOpenAiCompletion } from './openai-completions.ts';
import { mapOpenAiImages } from './openai-images.ts';
import { mapOpenAiResponses } from './openai-responses.ts';
import type { ProviderCall, ProviderMapper } from './provider-call.ts';
import { mapRawCall } from './raw-call.ts';

export function pickMapper({ functionName, providerType, kwargs }: ProviderCall): ProviderMapper {
  const name = functionName.toLowerCase();
  const anthropic = providerType.startsWith('anthropic') || name.startsWith('anthropic');
  if (/(^|\.)chat\.completions\.(create|parse|stream)$/.test(name)) return mapOpenAiChat;
  if (name === 'mistral.client.chat' || name === 'openrouter.chat.send') return mapOpenAiChat;
  if (/(^|\.)responses\.(create|parse|stream)$/.test(name)) return mapOpenAiResponses;
  if (/(^|\.)images\.generate$/.test(name)) return mapOpenAiImages;
  if (/(^|\.)messages\.(create|stream)$/.test(name)) return mapAnthropicMessages;
  if (/(^|\.)completions\.create$/.test(name))
    return anthropic ? mapAnthropicCompletion : mapOpenAiCompletion;
  if (name.startsWith('google.') || name.startsWith('vertexai.')) return mapGoogle;
  if (/(^|\.)converse(_stream)?$/.test(name)) return mapBedrockConverse;
  // Unknown names (langchain.*, …): an OpenAI-shaped request is read as one, anything else kept raw.
  if (Array.isArray(kwargs.messages)) return anthropic ? mapAnthropicMessages : mapOpenAiChat;
  return mapRawCall;
}
