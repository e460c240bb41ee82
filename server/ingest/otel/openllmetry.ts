/**
 * OpenLLMetry (Traceloop): flattened gen_ai.prompt.N.* / gen_ai.completion.N.* messages with
 * tool_calls.K.*, gen_ai.request.functions.N.* tools, llm.request.type, traceloop.* kinds.
 */
import type { NewSpan } from '../../store/spans.ts';
import { genAiBasics } from './genai.ts';
import { type Attributes, indexed, type LlmCall } from './llm-call.ts';
import { contentBlocks, type Message, toolCall } from './messages.ts';

function messagesAt(a: Attributes, prefix: string, defaultRole: string): Message[] {
  return indexed(a, prefix).map((group) => {
    const message: Message = {
      role: typeof group.role === 'string' ? group.role : defaultRole,
      content: contentBlocks(group.content),
    };
    const calls = indexed(group, 'tool_calls').map((c) => toolCall(c.id, c.name, c.arguments));
    if (calls.length > 0) message.tool_calls = calls;
    if (group.tool_call_id !== undefined) message.tool_call_id = String(group.tool_call_id);
    return message;
  });
}

export function mapOpenLlmetry(span: NewSpan): LlmCall | null {
  const a = span.attributes;
  const hasMessages = Object.keys(a).some(
    (key) => key.startsWith('gen_ai.prompt.') || key.startsWith('gen_ai.completion.'),
  );
  if (!hasMessages && a['traceloop.span.kind'] === undefined && a['llm.request.type'] === undefined)
    return null;
  if (a['traceloop.span.kind'] !== undefined && a['traceloop.span.kind'] !== 'llm' && !hasMessages)
    return null;
  const call = genAiBasics(a);
  if (a['llm.request.type'] === 'completion') call.kind = 'completion';
  if (typeof a['llm.request.type'] === 'string') call.functionName = a['llm.request.type'];
  call.input = messagesAt(a, 'gen_ai.prompt', 'user');
  call.output = messagesAt(a, 'gen_ai.completion', 'assistant');
  const functions = indexed(a, 'gen_ai.request.functions');
  if (functions.length > 0)
    call.tools = functions.map((f) => ({
      type: 'function',
      function: {
        name: f.name,
        description: f.description,
        parameters: typeof f.parameters === 'string' ? safeJson(f.parameters) : f.parameters,
      },
    }));
  return call;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
