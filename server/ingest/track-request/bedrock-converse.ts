/** Amazon Bedrock Converse: `system`, messages of content items (text, image, toolUse, toolResult, reasoningContent). */
import { argumentsText, assistantOutput, chat, textBlock, toolCallBlock } from './blueprint-blocks.ts';
import { modelOf, parametersOf, tokensOf } from './call-fields.ts';
import { recordOf, recordsOf } from './loose-json.ts';
import type { Block, MappedCall, Message, ProviderCall } from './provider-call.ts';

function block(item: Record<string, unknown>): Block {
  if (typeof item.text === 'string') return textBlock(item.text);
  const reasoning = recordOf(recordOf(item.reasoningContent).reasoningText);
  if (reasoning.text !== undefined)
    return { type: 'thinking', thinking: String(reasoning.text), signature: reasoning.signature };
  const image = recordOf(item.image);
  if (image.format !== undefined) {
    const bytes = recordOf(image.source).bytes;
    return {
      type: 'image_url',
      image_url: {
        url: `data:image/${String(image.format)};base64,${typeof bytes === 'string' ? bytes : ''}`,
      },
    };
  }
  if (item.json !== undefined) return textBlock(argumentsText(item.json));
  return item;
}

function messages(raw: Record<string, unknown>): Message[] {
  const out: Message[] = [];
  const content: Block[] = [];
  const calls: Block[] = [];
  for (const item of recordsOf(raw.content)) {
    const use = recordOf(item.toolUse);
    const result = recordOf(item.toolResult);
    if (use.toolUseId !== undefined) {
      calls.push(toolCallBlock(use.toolUseId, use.name, use.input));
    } else if (result.toolUseId !== undefined) {
      out.push({
        role: 'tool',
        tool_call_id: result.toolUseId,
        content: recordsOf(result.content).map(block),
      });
    } else content.push(block(item));
  }
  if (content.length > 0 || calls.length > 0)
    out.push({
      role: String(raw.role ?? 'user'),
      content,
      ...(calls.length > 0 ? { tool_calls: calls } : {}),
    });
  return out;
}

export function mapBedrockConverse({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const system: Message[] = Array.isArray(kwargs.system)
    ? [{ role: 'system', content: recordsOf(kwargs.system).map(block) }]
    : [];
  const answer = messages(recordOf(recordOf(reply.output).message));
  const last = answer.at(-1);
  const toolConfig = recordOf(kwargs.toolConfig);
  return {
    model: modelOf(reply, kwargs.modelId, kwargs.model),
    apiType: null,
    parameters: parametersOf(kwargs, ['messages', 'modelId', 'system', 'toolConfig']),
    input: chat(
      [...system, ...recordsOf(kwargs.messages).flatMap(messages)],
      Array.isArray(toolConfig.tools) ? { tools: toolConfig.tools } : {},
    ),
    output: last
      ? assistantOutput(last.content as Block[], (last.tool_calls as Block[] | undefined) ?? [])
      : chat([]),
    ...tokensOf(reply.usage, 'inputTokens', 'outputTokens'),
  };
}
