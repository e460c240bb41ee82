/**
 * Normalises prompt templates (blueprints) to the stored form: string content becomes
 * `[{type:'text', text}]`; everything else (unknown roles, block types, extra keys) is kept as sent.
 */
import type { WireTemplate } from '../../contract/promptlayer.ts';

function toBlocks(content: unknown): unknown {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

export function normalizeTemplate(template: WireTemplate): Record<string, unknown> {
  if (template.type === 'completion') return { ...template, content: toBlocks(template.content) };
  return {
    ...template,
    messages: template.messages.map((message) =>
      message.content === undefined ? message : { ...message, content: toBlocks(message.content) },
    ),
  };
}
