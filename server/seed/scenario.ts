/** What a sample-data scenario produces, and the small builders scenarios share. */
import type { ModelSpec } from './models.ts';
import type { Random } from './random.ts';
import type { ChatTemplate, ContentBlock, Message, PromptTemplate, ToolCall } from './wire.ts';

export interface Conversation {
  input: PromptTemplate;
  output: PromptTemplate;
  /** Values for the prompt's input variables, when the scenario is a named prompt. */
  variables: Record<string, string> | null;
}

export interface Scenario {
  /** The prompt template name; null for ad-hoc calls that are not tied to a prompt. */
  promptName: string | null;
  kind: 'chat' | 'completion';
  /** Highest prompt version seen in the data. */
  versions: number;
  weight: number;
  build(random: Random, model: ModelSpec): Conversation;
}

/**
 * Content as an SDK sends it: usually an array of blocks, sometimes a bare string
 * (the server normalises that to one text block).
 */
export function content(random: Random, text: string): ContentBlock[] | string {
  return random.chance(0.08) ? text : [{ type: 'text', text }];
}

export const textBlocks = (text: string): ContentBlock[] => [{ type: 'text', text }];

export function system(random: Random, text: string): Message {
  return { role: random.chance(0.1) ? 'developer' : 'system', content: content(random, text) };
}

export const user = (random: Random, text: string): Message => ({
  role: 'user',
  content: content(random, text),
});

export const assistant = (text: string): Message => ({ role: 'assistant', content: textBlocks(text) });

export function toolCall(random: Random, model: ModelSpec, name: string, args: unknown): ToolCall {
  const prefix = model.provider === 'anthropic' ? 'toolu_' : 'call_';
  return {
    id: `${prefix}${random.hex(16)}`,
    type: 'function',
    function: { name, arguments: JSON.stringify(args) },
  };
}

export function thinking(random: Random, text: string): ContentBlock {
  return { type: 'thinking', thinking: text, signature: `Er${random.hex(24)}==` };
}

export const chat = (
  messages: Message[],
  extra: Partial<Omit<ChatTemplate, 'type' | 'messages'>> = {},
): ChatTemplate => ({
  type: 'chat',
  messages,
  ...extra,
});

export const outputChat = (message: Message): PromptTemplate => ({ type: 'chat', messages: [message] });
