/**
 * PromptLayer's own span attributes and the common identity attributes: log metadata
 * (promptlayer.metadata.*, user.id, session.id, gen_ai.conversation.id, OpenInference metadata
 * and tag.tags, Vercel ai.telemetry.metadata.*, Traceloop association properties), the prompt
 * template link, and whether /track-request already logged the call (managed).
 */

import { normalizeId } from './ids.ts';
import { type Attributes, attrNumber, attrString, withPrefix } from './llm-call.ts';
import { parseMaybeJson } from './messages.ts';

export interface PromptLayerExtras {
  /** True when the span must not be logged as a new request. */
  managed: boolean;
  /** The /track-request span_id to link to, when named. */
  linkSpanId: string | null;
  tags: string[];
  metadata: Record<string, string>;
  promptName: string | null;
  promptId: string | null;
  promptVersion: number | null;
}

const METADATA_VALUE_MAX = 65_536;
const METADATA_KEYS_MAX = 200;

function addAll(target: Record<string, string>, source: Attributes): void {
  for (const [key, value] of Object.entries(source)) {
    if (Object.keys(target).length >= METADATA_KEYS_MAX) return;
    if (key === '' || key.length > 1024 || value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    Object.defineProperty(target, key, {
      value: text.slice(0, METADATA_VALUE_MAX),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

export function promptLayerExtras(a: Attributes): PromptLayerExtras {
  const metadata: Record<string, string> = {};
  const oiMetadata = parseMaybeJson(a.metadata);
  if (typeof oiMetadata === 'object' && oiMetadata !== null && !Array.isArray(oiMetadata))
    addAll(metadata, oiMetadata as Attributes);
  addAll(metadata, withPrefix(a, 'traceloop.association.properties'));
  addAll(metadata, withPrefix(a, 'ai.telemetry.metadata'));
  addAll(metadata, withPrefix(a, 'promptlayer.metadata'));
  const identity: Attributes = {
    user_id: a['user.id'] ?? a['gen_ai.user.id'],
    session_id: a['session.id'],
    conversation_id: a['gen_ai.conversation.id'],
  };
  addAll(metadata, identity);
  const rawTags = parseMaybeJson(a['tag.tags'] ?? a['promptlayer.tags']);
  const tags = Array.isArray(rawTags)
    ? [...new Set(rawTags.filter((t): t is string => typeof t === 'string' && t !== ''))]
    : [];
  const managed = a['promptlayer.request_log.managed'];
  const version = attrNumber(a, 'promptlayer.prompt.version');
  return {
    managed: managed === true || managed === 'true',
    linkSpanId: normalizeId(a['promptlayer.request_log.span_id'], 8) ?? null,
    tags,
    metadata,
    promptName: attrString(a, 'promptlayer.prompt.name')?.slice(0, 1024) ?? null,
    promptId: attrString(a, 'promptlayer.prompt.id')?.slice(0, 256) ?? null,
    promptVersion:
      version !== null && Number.isInteger(version) && version > 0 && version <= 2_147_483_647
        ? version
        : null,
  };
}
