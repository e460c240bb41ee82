/** Anthropic messages (also via Bedrock and Vertex): tool_use / tool_result, thinking, images. */
import { assistantOutput, blocksOf, functionTool, textBlock, toolCallBlock } from './blueprint-blocks.ts';
import { toolChatCall } from './call-fields.ts';
import { recordOf, recordsOf, stringOf } from './loose-json.ts';
import type { Block, MappedCall, Message, ProviderCall } from './provider-call.ts';

function imageUrl(source: Record<string, unknown>): string {
  if (source.type === 'base64')
    return `data:${String(source.media_type ?? 'image/png')};base64,${String(source.data ?? '')}`;
  return stringOf(source.url) ?? stringOf(source.file_id) ?? '';
}

function block(raw: Record<string, unknown>): Block {
  switch (raw.type) {
    case 'text':
      return raw;
    case 'thinking':
      return { type: 'thinking', thinking: String(raw.thinking ?? ''), signature: raw.signature };
    case 'image':
      return { type: 'image_url', image_url: { url: imageUrl(recordOf(raw.source)) } };
    case 'document': {
      const source = recordOf(raw.source);
      return {
        type: 'media',
        media: {
          type: String(source.media_type ?? 'application/pdf'),
          url: imageUrl(source),
          title: raw.title,
        },
      };
    }
    default:
      return raw;
  }
}

const contentOf = (content: unknown): Block[] => blocksOf(content, block);

const toolCall = (use: Record<string, unknown>): Block => toolCallBlock(use.id, use.name, use.input);

/** Splits one Anthropic message: tool results become tool messages, tool_use becomes tool_calls. */
function messages(raw: Record<string, unknown>): Message[] {
  const role = String(raw.role ?? 'user');
  if (typeof raw.content === 'string') return [{ role, content: [textBlock(raw.content)] }];
  const out: Message[] = [];
  const content: Block[] = [];
  const calls: Block[] = [];
  for (const part of recordsOf(raw.content)) {
    if (part.type === 'tool_result') {
      out.push({ role: 'tool', tool_call_id: part.tool_use_id, content: contentOf(part.content ?? '') });
    } else if (part.type === 'tool_use') calls.push(toolCall(part));
    else content.push(block(part));
  }
  if (content.length > 0 || calls.length > 0) {
    const message: Message = { role, content };
    if (calls.length > 0) message.tool_calls = calls;
    out.push(message);
  }
  return out;
}

function toolsOf(tools: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(tools)) return undefined;
  return recordsOf(tools).map((tool) =>
    tool.input_schema !== undefined ? functionTool(tool.name, tool.description, tool.input_schema) : tool,
  );
}

function outputOf(content: unknown): Record<string, unknown> {
  const blocks: Block[] = [];
  const calls: Block[] = [];
  for (const part of recordsOf(content)) {
    if (part.type === 'tool_use') calls.push(toolCall(part));
    else blocks.push(block(part));
  }
  return assistantOutput(blocks, calls);
}

export function mapAnthropicMessages({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const input: Message[] = [];
  if (kwargs.system !== undefined && kwargs.system !== null)
    input.push({ role: 'system', content: contentOf(kwargs.system) });
  for (const raw of recordsOf(kwargs.messages)) input.push(...messages(raw));
  const template = { keys: ['messages', 'system'], messages: input, tools: toolsOf(kwargs.tools) };
  return toolChatCall('messages', kwargs, reply, template, outputOf(reply.content));
}
