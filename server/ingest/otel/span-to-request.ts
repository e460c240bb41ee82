/**
 * One stored span → what the store does with it: the span itself, the request it logs when it is
 * a model call (any convention), and the /track-request span it links to when PromptLayer names one.
 */
import type { NewSpan, SpanIngest } from '../../store/spans.ts';
import { mapGenAi } from './genai.ts';
import { type LlmCall, toNewRequest } from './llm-call.ts';
import { mapOpenInference } from './openinference.ts';
import { mapOpenLlmetry } from './openllmetry.ts';
import { promptLayerExtras } from './promptlayer.ts';
import { mapVercelAi } from './vercel-ai.ts';

const VERCEL_WRAPPER = /^ai\.\w+$/;

/** The first convention that recognises the span; Vercel's outer spans are never model calls. */
export function llmCallOf(span: NewSpan): LlmCall | null {
  const vercel = mapVercelAi(span);
  if (vercel) return vercel;
  if (VERCEL_WRAPPER.test(span.name) && span.attributes['ai.model.id'] !== undefined) return null;
  return mapOpenInference(span) ?? mapOpenLlmetry(span) ?? mapGenAi(span);
}

/** A model plus messages or usage: enough to be worth a row in the request history. */
function isLoggable(call: LlmCall | null): call is LlmCall {
  if (!call?.model) return false;
  return (
    call.input.length > 0 || call.output.length > 0 || call.inputTokens !== null || call.outputTokens !== null
  );
}

export function spanToIngest(span: NewSpan): SpanIngest {
  const extras = promptLayerExtras(span.attributes);
  const call = llmCallOf(span);
  const request = !extras.managed && isLoggable(call) ? toNewRequest(call, span, extras) : null;
  return { span, request, linkSpanId: extras.linkSpanId };
}
