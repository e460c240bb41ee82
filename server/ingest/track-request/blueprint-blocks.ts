/** Builders of the stored blueprint's pieces: content blocks, tool calls, chat and completion templates. */
import { recordsOf } from './loose-json.ts';
import type { Block, Message } from './provider-call.ts';

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

/** A tool definition as blueprints hold it: a function nested under `function`. */
export function functionTool(name: unknown, description: unknown, parameters: unknown): Block {
  return { type: 'function', function: { name, description, parameters } };
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
