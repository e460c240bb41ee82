/**
 * OpenInference (Arize): llm.model_name, llm.provider/llm.system, flattened
 * llm.input_messages.N.message.* and llm.output_messages.N.message.* (content, contents.K,
 * tool_calls.K.tool_call.*), llm.token_count.*, llm.invocation_parameters, llm.tools.N.
 */
import type { NewSpan } from '../../store/spans.ts';
import { type Attributes, attrNumber, attrString, emptyCall, indexed, type LlmCall } from './llm-call.ts';
import { type Block, contentBlocks, type Message, parseMaybeJson, text, toolCall } from './messages.ts';

function contents(group: Attributes): Block[] {
  return indexed(group, 'message.contents').flatMap((c): Block[] => {
    const type = c['message_content.type'];
    if (type === 'image' && typeof c['message_content.image.image.url'] === 'string')
      return [{ type: 'image_url', image_url: { url: c['message_content.image.image.url'] } }];
    return typeof c['message_content.text'] === 'string' ? [text(c['message_content.text'])] : [];
  });
}

function messagesAt(a: Attributes, prefix: string, defaultRole: string): Message[] {
  return indexed(a, prefix).map((group) => {
    const role = typeof group['message.role'] === 'string' ? group['message.role'] : defaultRole;
    const message: Message = {
      role,
      content: [...contentBlocks(group['message.content']), ...contents(group)],
    };
    const calls = indexed(group, 'message.tool_calls').map((c) =>
      toolCall(c['tool_call.id'], c['tool_call.function.name'], c['tool_call.function.arguments']),
    );
    if (calls.length > 0) message.tool_calls = calls;
    if (group['message.tool_call_id'] !== undefined)
      message.tool_call_id = String(group['message.tool_call_id']);
    return message;
  });
}

export function mapOpenInference(span: NewSpan): LlmCall | null {
  const a = span.attributes;
  const kind = attrString(a, 'openinference.span.kind');
  if (kind !== null && kind.toUpperCase() !== 'LLM') return null;
  if (kind === null && a['llm.model_name'] === undefined) return null;
  const call = emptyCall();
  call.model = attrString(a, 'llm.model_name');
  call.provider = attrString(a, 'llm.provider') ?? attrString(a, 'llm.system');
  call.inputTokens = attrNumber(a, 'llm.token_count.prompt');
  call.outputTokens = attrNumber(a, 'llm.token_count.completion');
  const parameters = parseMaybeJson(a['llm.invocation_parameters']);
  if (typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)) {
    const { model: _model, messages: _messages, ...rest } = parameters as Record<string, unknown>;
    call.parameters = rest;
  }
  call.input = messagesAt(a, 'llm.input_messages', 'user');
  call.output = messagesAt(a, 'llm.output_messages', 'assistant');
  const prompts = indexed(a, 'llm.prompts').map((p) => p['prompt.text'] ?? p['']);
  if (call.input.length === 0 && prompts.length > 0) {
    call.kind = 'completion';
    call.input = prompts.map((p) => ({ role: 'user', content: contentBlocks(p) }));
    call.output = indexed(a, 'llm.choices').map((c) => ({
      role: 'assistant',
      content: contentBlocks(c['completion.text']),
    }));
  }
  if (call.input.length === 0 && a['input.value'] !== undefined)
    call.input = [{ role: 'user', content: contentBlocks(a['input.value']) }];
  if (call.output.length === 0 && a['output.value'] !== undefined)
    call.output = [{ role: 'assistant', content: contentBlocks(a['output.value']) }];
  const tools = indexed(a, 'llm.tools').map((t) => parseMaybeJson(t['tool.json_schema']));
  if (tools.length > 0) call.tools = tools;
  return call;
}
