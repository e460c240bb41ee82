/**
 * The derived search columns of a request, computed once at ingest from its normalised templates:
 * the text that `q`, input_text and output_text search, the table's previews, and the tool-call facts.
 */
import type { NewRequest } from '../store/store.ts';
import { inputPreview, outputPreview } from './previews.ts';

interface Message {
  role?: unknown;
  content?: unknown;
  tool_calls?: unknown;
  function_call?: unknown;
}

export type SearchColumns = Pick<
  NewRequest,
  'inputText' | 'outputText' | 'inputPreview' | 'outputPreview' | 'isToolCall' | 'toolNames' | 'isJson'
>;

function blockText(block: unknown): string | undefined {
  if (typeof block !== 'object' || block === null) return undefined;
  const { type, text, code } = block as { type?: unknown; text?: unknown; code?: unknown };
  if (type === 'text' && typeof text === 'string') return text;
  if (type === 'code' && typeof code === 'string') return code;
  return undefined;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const block of content) {
    const text = blockText(block);
    if (text !== undefined && text !== '') parts.push(text);
  }
  return parts.join('\n');
}

function messagesOf(template: Record<string, unknown>): Message[] {
  const messages = template.messages;
  return Array.isArray(messages)
    ? messages.filter((m): m is Message => typeof m === 'object' && m !== null)
    : [];
}

/** Every input message but a final assistant one, each as "[role]: text"; completion: its text. */
export function inputTextOf(input: Record<string, unknown>): string {
  if (input.type === 'completion') return contentText(input.content);
  const messages = messagesOf(input);
  const last = messages.at(-1);
  const kept = last?.role === 'assistant' ? messages.slice(0, -1) : messages;
  const lines: string[] = [];
  for (const message of kept) {
    const text = contentText(message.content);
    if (text !== '') lines.push(`[${String(message.role)}]: ${text}`);
  }
  return lines.join('\n');
}

export function outputTextOf(output: Record<string, unknown>): string {
  if (output.type === 'completion') return contentText(output.content);
  return messagesOf(output)
    .map((message) => contentText(message.content))
    .filter((text) => text !== '')
    .join('\n');
}

function calledToolNames(output: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const message of messagesOf(output)) {
    if (Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls) {
        const name = (call as { function?: { name?: unknown } } | null)?.function?.name;
        if (typeof name === 'string' && name !== '') names.add(name);
      }
    }
    const legacy = (message.function_call as { name?: unknown } | null | undefined)?.name;
    if (typeof legacy === 'string' && legacy !== '') names.add(legacy);
  }
  return [...names];
}

function hasToolCall(output: Record<string, unknown>): boolean {
  return messagesOf(output).some(
    (m) => (Array.isArray(m.tool_calls) && m.tool_calls.length > 0) || (m.function_call ?? null) !== null,
  );
}

function isJsonText(text: string): boolean {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

export function deriveSearchColumns(
  input: Record<string, unknown>,
  output: Record<string, unknown>,
): SearchColumns {
  const inputText = inputTextOf(input);
  const outputText = outputTextOf(output);
  return {
    inputText,
    outputText,
    inputPreview: inputPreview(inputText),
    outputPreview: outputPreview(outputText),
    isToolCall: hasToolCall(output),
    toolNames: calledToolNames(output),
    isJson: isJsonText(outputText),
  };
}
