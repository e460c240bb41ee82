/**
 * Google Gemini (`google.model.generate_content`, `google.convo.send_message`, Vertex): contents
 * of parts. The JS SDK sends camelCase keys, Python snake_case: both are read.
 */
import { argumentsText, assistantOutput, chat, textBlock, toolCallBlock } from './blueprint-blocks.ts';
import { modelOf, parametersOf, tokenCount } from './call-fields.ts';
import { arrayOf, recordOf, recordsOf } from './loose-json.ts';
import type { Block, MappedCall, Message, ProviderCall } from './provider-call.ts';

const either = (o: Record<string, unknown>, camel: string, snake: string): unknown => o[camel] ?? o[snake];

interface Parts {
  content: Block[];
  calls: Block[];
  results: Message[];
}

function partsOf(parts: unknown): Parts {
  const out: Parts = { content: [], calls: [], results: [] };
  if (typeof parts === 'string') out.content.push(textBlock(parts));
  for (const part of recordsOf(parts)) {
    const inline = recordOf(either(part, 'inlineData', 'inline_data'));
    const call = recordOf(either(part, 'functionCall', 'function_call'));
    const result = recordOf(either(part, 'functionResponse', 'function_response'));
    if (typeof part.text === 'string') {
      out.content.push(
        part.thought === true ? { type: 'thinking', thinking: part.text } : textBlock(part.text),
      );
    } else if (inline.data !== undefined) {
      const mime = String(either(inline, 'mimeType', 'mime_type') ?? 'application/octet-stream');
      const url = `data:${mime};base64,${String(inline.data)}`;
      out.content.push(
        mime.startsWith('image/')
          ? { type: 'image_url', image_url: { url } }
          : { type: 'media', media: { type: mime, url } },
      );
    } else if (call.name !== undefined) {
      out.calls.push(toolCallBlock(call.id ?? call.name, call.name, call.args));
    } else if (result.name !== undefined) {
      out.results.push({
        role: 'tool',
        tool_call_id: result.id ?? result.name,
        content: [textBlock(argumentsText(result.response))],
      });
    } else out.content.push(part);
  }
  return out;
}

function messagesOf(entry: Record<string, unknown>): Message[] {
  const role = entry.role === 'model' ? 'assistant' : String(entry.role ?? 'user');
  const { content, calls, results } = partsOf(entry.parts);
  const out: Message[] = [...results];
  if (content.length > 0 || calls.length > 0)
    out.push({ role, content, ...(calls.length > 0 ? { tool_calls: calls } : {}) });
  return out;
}

function systemOf(kwargs: Record<string, unknown>): Message[] {
  const config = recordOf(either(kwargs, 'generationConfig', 'generation_config') ?? kwargs.config);
  const system =
    either(kwargs, 'systemInstruction', 'system_instruction') ??
    either(config, 'systemInstruction', 'system_instruction');
  if (system === undefined || system === null) return [];
  const parts = typeof system === 'string' ? system : (recordOf(system).parts ?? system);
  return [{ role: 'system', content: partsOf(parts).content }];
}

function contentsOf(kwargs: Record<string, unknown>): Record<string, unknown>[] {
  const contents = kwargs.contents ?? kwargs.history;
  if (typeof contents === 'string') return [{ role: 'user', parts: [{ text: contents }] }];
  return arrayOf(contents).map((entry) =>
    typeof entry === 'string' ? { role: 'user', parts: [{ text: entry }] } : recordOf(entry),
  );
}

export function mapGoogle({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const candidate = recordOf(arrayOf(reply.candidates)[0]);
  const answer = partsOf(recordOf(candidate.content).parts);
  const usage = recordOf(either(reply, 'usageMetadata', 'usage_metadata'));
  const tools = kwargs.tools ?? recordOf(kwargs.config).tools;
  return {
    model: modelOf(reply, kwargs.model),
    apiType: null,
    parameters: parametersOf(kwargs, [
      'contents',
      'history',
      'model',
      'tools',
      'system_instruction',
      'systemInstruction',
    ]),
    input: chat(
      [...systemOf(kwargs), ...contentsOf(kwargs).flatMap(messagesOf)],
      Array.isArray(tools) ? { tools } : {},
    ),
    output: assistantOutput(answer.content, answer.calls),
    inputTokens: tokenCount(either(usage, 'promptTokenCount', 'prompt_token_count')),
    outputTokens: tokenCount(either(usage, 'candidatesTokenCount', 'candidates_token_count')),
  };
}
