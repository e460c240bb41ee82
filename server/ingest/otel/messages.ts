/**
 * Chat messages in PromptLayer's blueprint form, built from the shapes OTel conventions use:
 * GenAI `{role, parts}` (text, reasoning, tool_call, tool_call_response, uri, blob), OpenAI-style
 * `{role, content, tool_calls, tool_call_id}`, and plain strings.
 */

export type Block = Record<string, unknown>;
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}
export interface Message {
  role: string;
  content: Block[];
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const text = (value: string): Block => ({ type: 'text', text: value });

/** A JSON string when it parses, else the value itself. */
export function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

export const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);

export function toolCall(id: unknown, name: unknown, args: unknown): ToolCall {
  return {
    id: asText(id),
    type: 'function',
    function: { name: asText(name), arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}) },
  };
}

function imageBlock(url: string): Block {
  return { type: 'image_url', image_url: { url } };
}

/** One content part (OpenAI, Anthropic-ish or GenAI) → a blueprint block, or null to drop it. */
function block(part: unknown): Block | null {
  if (typeof part === 'string') return text(part);
  if (!isObj(part)) return null;
  const type = str(part.type);
  if (
    (type === 'text' || type === 'input_text' || type === 'output_text') &&
    (typeof part.text === 'string' || typeof part.content === 'string')
  )
    return text((part.text ?? part.content) as string);
  if (type === 'reasoning' || type === 'thinking')
    return { type: 'thinking', thinking: asText(part.content ?? part.thinking ?? part.text) };
  if (type === 'image_url' && isObj(part.image_url) && typeof part.image_url.url === 'string')
    return imageBlock(part.image_url.url);
  if (type === 'input_image' && typeof part.image_url === 'string') return imageBlock(part.image_url);
  if (type === 'uri' && typeof part.uri === 'string')
    return part.modality === 'image' || String(part.mime_type ?? '').startsWith('image/')
      ? imageBlock(part.uri)
      : { type: 'media', media: { type: part.mime_type ?? null, url: part.uri } };
  if (type === 'blob' && typeof part.content === 'string') {
    const url = `data:${str(part.mime_type) ?? 'application/octet-stream'};base64,${part.content}`;
    return part.modality === 'image' || url.startsWith('data:image/')
      ? imageBlock(url)
      : { type: 'media', media: { type: part.mime_type ?? null, url } };
  }
  if (type === 'image' && typeof part.image === 'string') return imageBlock(part.image);
  if (typeof part.text === 'string') return text(part.text);
  return { type: type ?? 'unknown', ...part };
}

export function contentBlocks(content: unknown): Block[] {
  const parsed = parseMaybeJson(content);
  if (parsed === undefined || parsed === null || parsed === '') return [];
  if (typeof parsed === 'string') return [text(parsed)];
  if (Array.isArray(parsed)) return parsed.map(block).filter((b): b is Block => b !== null);
  const single = block(parsed);
  return single ? [single] : [];
}

function openAiToolCalls(value: unknown): ToolCall[] {
  const calls = parseMaybeJson(value);
  if (!Array.isArray(calls)) return [];
  return calls.filter(isObj).map((call) => {
    const fn = isObj(call.function) ? call.function : call;
    return toolCall(
      call.id ?? call.toolCallId,
      fn.name ?? call.toolName,
      fn.arguments ?? call.args ?? call.input,
    );
  });
}

/** GenAI `{role, parts}` → one message, plus one tool message per tool_call_response part. */
function fromParts(role: string, parts: unknown[]): Message[] {
  const message: Message = { role, content: [] };
  const calls: ToolCall[] = [];
  const results: Message[] = [];
  for (const part of parts) {
    if (isObj(part) && part.type === 'tool_call') calls.push(toolCall(part.id, part.name, part.arguments));
    else if (isObj(part) && part.type === 'tool_call_response')
      results.push({
        role: 'tool',
        tool_call_id: asText(part.id),
        content: contentBlocks(asText(part.response ?? part.result)),
      });
    else {
      const b = block(part);
      if (b) message.content.push(b);
    }
  }
  if (calls.length > 0) message.tool_calls = calls;
  return message.content.length > 0 || calls.length > 0 || results.length === 0
    ? [message, ...results]
    : results;
}

/** Any message shape → blueprint messages (a GenAI message with tool results may become several). */
export function toMessages(value: unknown, defaultRole = 'user'): Message[] {
  if (typeof value === 'string') return [{ role: defaultRole, content: [text(value)] }];
  if (!isObj(value)) return [];
  const role = str(value.role) ?? defaultRole;
  if (Array.isArray(value.parts)) return fromParts(role, value.parts);
  const message: Message = { role, content: contentBlocks(value.content) };
  const calls = openAiToolCalls(value.tool_calls ?? value.toolCalls);
  if (calls.length > 0) message.tool_calls = calls;
  const toolCallId = value.tool_call_id ?? value.toolCallId ?? value.id;
  if (role === 'tool' && toolCallId !== undefined) message.tool_call_id = asText(toolCallId);
  return [message];
}

/** A list of messages (array or JSON string of one) → blueprint messages. */
export function messageList(value: unknown, defaultRole = 'user'): Message[] {
  const parsed = parseMaybeJson(value);
  if (Array.isArray(parsed)) return parsed.flatMap((m) => toMessages(m, defaultRole));
  if (parsed === undefined || parsed === null || parsed === '') return [];
  return toMessages(parsed, defaultRole);
}
