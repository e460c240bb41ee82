/**
 * OpenTelemetry GenAI semantic conventions: the attribute form (gen_ai.input.messages,
 * gen_ai.output.messages, gen_ai.system_instructions — JSON strings or structured values), the
 * event form of earlier versions (gen_ai.{system,user,assistant,tool}.message, gen_ai.choice),
 * and the content events of the first drafts (gen_ai.content.prompt / .completion).
 */
import type { NewSpan } from '../../store/spans.ts';
import { type Attributes, attrNumber, attrString, emptyCall, type LlmCall, withPrefix } from './llm-call.ts';
import { type Message, messageList, parseMaybeJson, toMessages } from './messages.ts';

const EVENT_ROLES: Record<string, string> = {
  'gen_ai.system.message': 'system',
  'gen_ai.user.message': 'user',
  'gen_ai.assistant.message': 'assistant',
  'gen_ai.tool.message': 'tool',
};

function fromEvents(span: NewSpan): { input: Message[]; output: Message[] } {
  const input: Message[] = [];
  const output: Message[] = [];
  for (const event of span.events) {
    const a = event.attributes;
    const role = EVENT_ROLES[event.name];
    if (role) {
      const body = parseMaybeJson(a.content ?? a['gen_ai.event.content'] ?? a.body);
      const message =
        typeof body === 'object' && body !== null && !Array.isArray(body) ? body : { content: body };
      input.push(
        ...toMessages(
          {
            role,
            ...message,
            ...(a.tool_calls ? { tool_calls: a.tool_calls } : {}),
            ...(a.id ? { id: a.id } : {}),
          },
          role,
        ),
      );
    } else if (event.name === 'gen_ai.choice') {
      const message = parseMaybeJson(a.message) ?? { content: a.content };
      output.push(...toMessages({ role: 'assistant', ...(message as object) }, 'assistant'));
    } else if (event.name === 'gen_ai.content.prompt') input.push(...messageList(a['gen_ai.prompt']));
    else if (event.name === 'gen_ai.content.completion')
      output.push(...messageList(a['gen_ai.completion'], 'assistant'));
    else if (event.name === 'gen_ai.client.inference.operation.details') {
      input.push(...systemAndInput(a));
      output.push(...messageList(a['gen_ai.output.messages'], 'assistant'));
    }
  }
  return { input, output };
}

function systemAndInput(a: Attributes): Message[] {
  const system = a['gen_ai.system_instructions'];
  const messages: Message[] = [];
  if (system !== undefined) {
    const parsed = parseMaybeJson(system);
    messages.push(
      ...toMessages(
        { role: 'system', ...(Array.isArray(parsed) ? { parts: parsed } : { content: parsed }) },
        'system',
      ),
    );
  }
  return [...messages, ...messageList(a['gen_ai.input.messages'])];
}

const NOT_PARAMETERS = new Set(['model']);

/** Model, provider, tokens and parameters as GenAI (and OpenLLMetry) name them. */
export function genAiBasics(a: Attributes, call: LlmCall = emptyCall()): LlmCall {
  call.model = attrString(a, 'gen_ai.response.model') ?? attrString(a, 'gen_ai.request.model') ?? call.model;
  call.provider = attrString(a, 'gen_ai.provider.name') ?? attrString(a, 'gen_ai.system') ?? call.provider;
  call.inputTokens =
    attrNumber(a, 'gen_ai.usage.input_tokens') ??
    attrNumber(a, 'gen_ai.usage.prompt_tokens') ??
    call.inputTokens;
  call.outputTokens =
    attrNumber(a, 'gen_ai.usage.output_tokens') ??
    attrNumber(a, 'gen_ai.usage.completion_tokens') ??
    call.outputTokens;
  for (const [key, value] of Object.entries(withPrefix(a, 'gen_ai.request')))
    if (!NOT_PARAMETERS.has(key) && !key.startsWith('functions.')) call.parameters[key] = value;
  const operation = attrString(a, 'gen_ai.operation.name');
  if (operation === 'text_completion') call.kind = 'completion';
  if (operation) call.functionName = operation;
  const tools = parseMaybeJson(a['gen_ai.tool.definitions']);
  if (Array.isArray(tools)) call.tools = tools;
  return call;
}

export function mapGenAi(span: NewSpan): LlmCall | null {
  const a = span.attributes;
  const call = genAiBasics(a);
  if (!call.model && !call.provider) return null;
  call.input = systemAndInput(a);
  call.output = messageList(a['gen_ai.output.messages'], 'assistant');
  if (call.input.length === 0 && call.output.length === 0) {
    const events = fromEvents(span);
    call.input = events.input;
    call.output = events.output;
  }
  return call;
}
