/** OpenAI Responses API: `instructions` + `input` items in, `output` items out. */
import { assistantOutput, blocksOf, functionTool, textBlock, toolCallBlock } from './blueprint-blocks.ts';
import { toolChatCall } from './call-fields.ts';
import { isRecord, recordOf, recordsOf, stringOf } from './loose-json.ts';
import type { Block, MappedCall, Message, ProviderCall } from './provider-call.ts';

function contentPart(part: Record<string, unknown>): Block {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { ...part, type: 'text', text: String(part.text ?? '') };
    case 'input_image': {
      const url = stringOf(part.image_url) ?? (part.file_id ? `file:${String(part.file_id)}` : '');
      return { type: 'image_url', image_url: { url, detail: part.detail } };
    }
    case 'input_file':
      return {
        type: 'media',
        media: { type: 'application/octet-stream', url: part.file_url ?? part.file_id, title: part.filename },
      };
    case 'refusal':
      return { type: 'text', text: String(part.refusal ?? '') };
    default:
      return part;
  }
}

const contentOf = (content: unknown): Block[] => blocksOf(content, contentPart);

const toolCall = (item: Record<string, unknown>): Block =>
  toolCallBlock(item.call_id ?? item.id, item.name, item.arguments, { tool_id: item.id });

function thinking(item: Record<string, unknown>): Block {
  const summary = recordsOf(item.summary)
    .map((s) => String(s.text ?? ''))
    .join('\n');
  const block: Block = { type: 'thinking', thinking: summary };
  if (typeof item.encrypted_content === 'string') block.signature = item.encrypted_content;
  return block;
}

/** Input items to messages; consecutive function calls share one assistant message. */
function inputMessages(input: unknown): Message[] {
  if (typeof input === 'string') return [{ role: 'user', content: [textBlock(input)] }];
  const messages: Message[] = [];
  for (const item of recordsOf(input)) {
    const last = messages.at(-1);
    if (item.type === 'function_call') {
      if (last?.role === 'assistant' && Array.isArray(last.tool_calls)) last.tool_calls.push(toolCall(item));
      else messages.push({ role: 'assistant', content: [], tool_calls: [toolCall(item)] });
    } else if (item.type === 'function_call_output') {
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: contentOf(item.output) });
    } else if (item.type === 'reasoning') {
      messages.push({ role: 'assistant', content: [thinking(item)] });
    } else if (item.type === undefined || item.type === 'message') {
      messages.push({ role: String(item.role ?? 'user'), content: contentOf(item.content) });
    } else {
      messages.push({ role: 'assistant', content: [item] });
    }
  }
  return messages;
}

/** Function tools are flat in the Responses API; blueprints nest them under `function`. */
function toolsOf(tools: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(tools)) return undefined;
  return recordsOf(tools).map((tool) =>
    tool.type === 'function' && !isRecord(tool.function)
      ? functionTool(tool.name, tool.description, tool.parameters)
      : tool,
  );
}

function outputOf(output: unknown): Record<string, unknown> {
  const content: Block[] = [];
  const calls: Block[] = [];
  for (const item of recordsOf(output)) {
    if (item.type === 'message') content.push(...contentOf(item.content));
    else if (item.type === 'reasoning') content.push(thinking(item));
    else if (item.type === 'function_call') calls.push(toolCall(item));
    else if (item.type === 'image_generation_call' && typeof item.result === 'string') {
      content.push({
        type: 'output_media',
        url: `data:image/png;base64,${item.result}`,
        mime_type: 'image/png',
      });
    } else content.push(item);
  }
  return assistantOutput(content, calls);
}

export function mapOpenAiResponses({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const messages = inputMessages(kwargs.input);
  if (typeof kwargs.instructions === 'string')
    messages.unshift({ role: 'system', content: [textBlock(kwargs.instructions)] });
  const template = { keys: ['input', 'instructions'], messages: messages, tools: toolsOf(kwargs.tools) };
  return toolChatCall('responses', kwargs, reply, template, outputOf(reply.output));
}
