/**
 * Turns a stored PromptLayer prompt template (docs/wire-contract.md §5) of unknown shape into a
 * small, total model the renderer can walk without guarding every property. Nothing here
 * throws: anything it does not recognise becomes an `unknown` node that is shown as JSON.
 */

export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'thinking'; thinking: string; signature: string | null }
  | { kind: 'image'; url: string; detail: string | null }
  | { kind: 'code'; code: string; language: string | null }
  | { kind: 'media'; url: string | null; mime: string; title: string | null }
  | { kind: 'unknown'; type: string; raw: unknown };

export interface ToolCall {
  id: string | null;
  name: string;
  /** The arguments as sent: JSON text, usually; shown raw when it does not parse. */
  arguments: string;
}

export interface Message {
  role: string;
  name: string | null;
  blocks: Block[];
  toolCalls: ToolCall[];
  /** For role "tool": the id of the call this message answers. */
  toolCallId: string | null;
  raw: unknown;
}

export type Template =
  | {
      kind: 'chat';
      messages: Message[];
      tools: unknown[];
      toolChoice: unknown;
      inputVariables: string[];
    }
  | { kind: 'completion'; blocks: Block[]; inputVariables: string[] }
  | { kind: 'empty' }
  | { kind: 'unknown'; raw: unknown };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strOr = (v: unknown, fallback: string): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? fallback : JSON.stringify(v);

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function normalizeBlock(raw: unknown): Block {
  if (typeof raw === 'string') return { kind: 'text', text: raw };
  if (!isObj(raw)) return { kind: 'unknown', type: typeof raw, raw };
  const type = str(raw.type) ?? 'unknown';
  switch (type) {
    case 'text':
      if (typeof raw.text === 'string') return { kind: 'text', text: raw.text };
      break;
    case 'thinking':
      if (typeof raw.thinking === 'string')
        return { kind: 'thinking', thinking: raw.thinking, signature: str(raw.signature) };
      break;
    case 'image_url': {
      const image = raw.image_url;
      const url = isObj(image) ? str(image.url) : str(image);
      if (url !== null) return { kind: 'image', url, detail: isObj(image) ? str(image.detail) : null };
      break;
    }
    case 'code':
      if (typeof raw.code === 'string') return { kind: 'code', code: raw.code, language: str(raw.language) };
      break;
    case 'media': {
      const media = raw.media;
      if (isObj(media))
        return {
          kind: 'media',
          url: str(media.url),
          mime: str(media.type) ?? 'application/octet-stream',
          title: str(media.title),
        };
      break;
    }
    case 'output_media':
      if (typeof raw.url === 'string')
        return {
          kind: 'media',
          url: raw.url,
          mime: str(raw.mime_type) ?? 'application/octet-stream',
          title: null,
        };
      break;
  }
  return { kind: 'unknown', type, raw };
}

export function normalizeContent(content: unknown): Block[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ kind: 'text', text: content }];
  if (Array.isArray(content)) return content.map(normalizeBlock);
  return [normalizeBlock(content)];
}

function normalizeToolCall(raw: unknown): ToolCall {
  if (!isObj(raw)) return { id: null, name: '(invalid tool call)', arguments: strOr(raw, '') };
  const fn = isObj(raw.function) ? raw.function : raw;
  return {
    id: str(raw.id),
    name: str(fn.name) ?? '(unnamed)',
    arguments: strOr(fn.arguments ?? fn.input, ''),
  };
}

export function normalizeMessage(raw: unknown): Message {
  if (!isObj(raw))
    return {
      role: 'unknown',
      name: null,
      blocks: [{ kind: 'unknown', type: typeof raw, raw }],
      toolCalls: [],
      toolCallId: null,
      raw,
    };
  const toolCalls = Array.isArray(raw.tool_calls) ? raw.tool_calls.map(normalizeToolCall) : [];
  // Legacy OpenAI function calling: one call per assistant message, no id.
  if (isObj(raw.function_call)) toolCalls.push(normalizeToolCall({ function: raw.function_call }));
  return {
    role: str(raw.role) ?? 'unknown',
    name: str(raw.name),
    blocks: normalizeContent(raw.content),
    toolCalls,
    toolCallId: str(raw.tool_call_id),
    raw,
  };
}

/** Accepts a bare template, or PromptLayer's `prompt_blueprint` wrapper `{prompt_template, metadata}`. */
export function normalizeTemplate(raw: unknown): Template {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'string')
    return { kind: 'completion', blocks: normalizeContent(raw), inputVariables: [] };
  if (!isObj(raw)) return { kind: 'unknown', raw };
  if (isObj(raw.prompt_template)) return normalizeTemplate(raw.prompt_template);
  const inputVariables = stringArray(raw.input_variables);
  if (raw.type === 'completion' || (raw.type === undefined && 'content' in raw && !('messages' in raw)))
    return { kind: 'completion', blocks: normalizeContent(raw.content), inputVariables };
  if (Array.isArray(raw.messages))
    return {
      kind: 'chat',
      messages: raw.messages.map(normalizeMessage),
      tools: Array.isArray(raw.tools) ? raw.tools : [],
      toolChoice: raw.tool_choice ?? null,
      inputVariables,
    };
  if (Object.keys(raw).length === 0) return { kind: 'empty' };
  return { kind: 'unknown', raw };
}

/** Model metadata carried inside a `prompt_blueprint` wrapper, if any. */
export function blueprintModel(raw: unknown): Obj | null {
  if (!isObj(raw) || !isObj(raw.metadata)) return null;
  return isObj(raw.metadata.model) ? raw.metadata.model : null;
}

export interface ToolCallRef {
  call: ToolCall;
  /** The text of the tool message answering this call, when the conversation holds one. */
  result: Message | null;
}

/** Joins tool calls to their results by id across the input and output conversations. */
export function indexToolCalls(templates: Template[]): Map<string, ToolCallRef> {
  const index = new Map<string, ToolCallRef>();
  for (const t of templates) {
    if (t.kind !== 'chat') continue;
    for (const m of t.messages)
      for (const call of m.toolCalls) if (call.id !== null) index.set(call.id, { call, result: null });
  }
  for (const t of templates) {
    if (t.kind !== 'chat') continue;
    for (const m of t.messages) {
      if (m.toolCallId === null) continue;
      const ref = index.get(m.toolCallId);
      if (ref && ref.result === null) ref.result = m;
    }
  }
  return index;
}

/** Plain text of a message for the clipboard: its text blocks, then its tool calls. */
export function messagePlainText(m: Message): string {
  const parts: string[] = [];
  for (const b of m.blocks) {
    if (b.kind === 'text') parts.push(b.text);
    else if (b.kind === 'thinking') parts.push(b.thinking);
    else if (b.kind === 'code') parts.push(b.code);
    else if (b.kind === 'image' || b.kind === 'media') parts.push(b.url ?? '');
    else parts.push(JSON.stringify(b.raw));
  }
  for (const c of m.toolCalls) parts.push(`${c.name}(${c.arguments})`);
  return parts.join('\n\n');
}
