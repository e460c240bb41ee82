/**
 * The Vercel AI SDK's telemetry (ai.*). Only the provider-call spans (ai.*.doGenerate and
 * ai.*.doStream) are model calls; the outer ai.generateText span wraps them.
 */
import type { NewSpan } from '../../store/spans.ts';
import { attrNumber, attrString, emptyCall, type LlmCall, withPrefix } from './llm-call.ts';
import { contentBlocks, type Message, parseMaybeJson, text, toMessages, toolCall } from './messages.ts';

const PROVIDER_CALL = /^ai\.\w+\.do(Generate|Stream)$/;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Vercel messages carry tool calls and results as content parts. */
function vercelMessage(raw: unknown): Message[] {
  if (!isObj(raw) || !Array.isArray(raw.content)) return toMessages(raw);
  const role = typeof raw.role === 'string' ? raw.role : 'user';
  const parts = raw.content as unknown[];
  const calls = parts.filter((p) => isObj(p) && p.type === 'tool-call') as Obj[];
  const results = parts.filter((p) => isObj(p) && p.type === 'tool-result') as Obj[];
  const rest = parts.filter((p) => !(isObj(p) && (p.type === 'tool-call' || p.type === 'tool-result')));
  const messages: Message[] = [];
  if (rest.length > 0 || calls.length > 0 || results.length === 0) {
    const message: Message = { role, content: contentBlocks(rest) };
    if (calls.length > 0)
      message.tool_calls = calls.map((c) => toolCall(c.toolCallId, c.toolName, c.args ?? c.input));
    messages.push(message);
  }
  for (const r of results)
    messages.push({
      role: 'tool',
      tool_call_id: String(r.toolCallId ?? ''),
      content: [text(JSON.stringify(r.result ?? r.output ?? null))],
    });
  return messages;
}

export function mapVercelAi(span: NewSpan): LlmCall | null {
  const a = span.attributes;
  const operation = attrString(a, 'ai.operationId') ?? span.name;
  if (!PROVIDER_CALL.test(operation)) return null;
  const call = emptyCall();
  call.functionName = operation;
  call.model =
    attrString(a, 'ai.response.model') ??
    attrString(a, 'ai.model.id') ??
    attrString(a, 'gen_ai.request.model');
  call.provider = attrString(a, 'ai.model.provider') ?? attrString(a, 'gen_ai.system');
  call.inputTokens = attrNumber(a, 'ai.usage.inputTokens') ?? attrNumber(a, 'ai.usage.promptTokens');
  call.outputTokens = attrNumber(a, 'ai.usage.outputTokens') ?? attrNumber(a, 'ai.usage.completionTokens');
  for (const [key, value] of Object.entries(withPrefix(a, 'ai.settings'))) call.parameters[key] = value;
  const messages = parseMaybeJson(a['ai.prompt.messages']);
  if (Array.isArray(messages)) call.input = messages.flatMap(vercelMessage);
  else {
    const prompt = parseMaybeJson(a['ai.prompt']);
    if (isObj(prompt)) {
      if (typeof prompt.system === 'string')
        call.input.push({ role: 'system', content: [text(prompt.system)] });
      if (Array.isArray(prompt.messages)) call.input.push(...prompt.messages.flatMap(vercelMessage));
      else if (prompt.prompt !== undefined)
        call.input.push({ role: 'user', content: contentBlocks(prompt.prompt) });
    }
  }
  const tools = a['ai.prompt.tools'];
  if (Array.isArray(tools)) call.tools = tools.map(parseMaybeJson);
  const output: Message = { role: 'assistant', content: [] };
  const answer = a['ai.response.text'] ?? a['ai.response.object'];
  if (answer !== undefined)
    output.content = [text(typeof answer === 'string' ? answer : JSON.stringify(answer))];
  const toolCalls = parseMaybeJson(a['ai.response.toolCalls']);
  if (Array.isArray(toolCalls))
    output.tool_calls = toolCalls
      .filter(isObj)
      .map((c) => toolCall(c.toolCallId, c.toolName, c.args ?? c.input));
  if (output.content.length > 0 || output.tool_calls) call.output = [output];
  return call;
}
