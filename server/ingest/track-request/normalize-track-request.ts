/**
 * A /track-request body → the same NewRequest that /log-request stores, plus the prompt
 * blueprint the SDKs read back (the input with the model's answer appended).
 */
import { type PromptBlueprint, trackRequestBodySchema } from '../../../contract/track-request.ts';
import { parseWith } from '../../http/errors.ts';
import type { NewRequest } from '../../store/store.ts';
import { deriveSearchColumns } from '../search-columns.ts';
import { requestTimes } from '../timestamps.ts';
import { recordOf } from './loose-json.ts';
import { pickMapper } from './pick-mapper.ts';
import type { MappedCall } from './provider-call.ts';

const ERROR_MESSAGE_MAX = 1024;

/** The provider of a call: as sent, else the first word of its function name (`anthropic.messages.create`). */
function providerOf(providerType: string | null | undefined, functionName: string): string {
  return (providerType ?? functionName.split('.')[0] ?? 'unknown').slice(0, 256) || 'unknown';
}

export function blueprintOf(mapped: MappedCall, provider: string): PromptBlueprint {
  const { input, output } = mapped;
  const template =
    input.type === 'completion'
      ? {
          ...input,
          content: [...(input.content as unknown[]), ...((output.content as unknown[] | undefined) ?? [])],
        }
      : {
          ...input,
          messages: [...(input.messages as unknown[]), ...((output.messages as unknown[] | undefined) ?? [])],
        };
  return {
    prompt_template: template,
    metadata: {
      model: { provider, name: mapped.model, parameters: mapped.parameters, api_type: mapped.apiType },
    },
  };
}

/** The SDK's span: 16 hex digits; the JS SDK sends all zeros when tracing is off (no span). */
function spanIdOf(spanId: string | null | undefined): string | null {
  if (!spanId || !/^[0-9a-f]{16}$/i.test(spanId) || /^0+$/.test(spanId)) return null;
  return spanId.toLowerCase();
}

export interface TrackedRequest {
  request: NewRequest;
  blueprint: PromptBlueprint;
}

/** Throws an HttpError (422) naming the first invalid field. */
export function normalizeTrackRequest(body: unknown): TrackedRequest {
  const wire = parseWith(trackRequestBodySchema, recordOf(body), 'body', 422);
  const { startMs, endMs } = requestTimes(wire);
  const provider = providerOf(wire.provider_type, wire.function_name);
  const call = {
    functionName: wire.function_name,
    providerType: provider,
    kwargs: wire.kwargs ?? {},
    response: wire.request_response,
  };
  const mapped = pickMapper(call)(call);
  const status = wire.status ?? 'SUCCESS';
  const request: NewRequest = {
    provider,
    model: mapped.model,
    functionName: wire.function_name,
    apiType: mapped.apiType,
    status,
    errorType: wire.error_type ?? null,
    errorMessage: wire.error_message == null ? null : wire.error_message.slice(0, ERROR_MESSAGE_MAX),
    startMs,
    endMs,
    inputTokens: mapped.inputTokens,
    outputTokens: mapped.outputTokens,
    price: wire.price ?? 0,
    promptName: null,
    promptId: wire.prompt_id == null ? null : String(wire.prompt_id),
    promptVersionNumber: wire.prompt_version ?? null,
    promptInputVariables: wire.prompt_input_variables ?? null,
    parameters: mapped.parameters,
    input: mapped.input,
    output: mapped.output,
    ...deriveSearchColumns(mapped.input, mapped.output),
    tags: [...new Set(wire.tags ?? [])],
    metadata: wire.metadata ?? {},
    scores: {},
    groupId: wire.group_id ?? null,
    spanId: spanIdOf(wire.span_id),
  };
  return { request, blueprint: blueprintOf(mapped, provider) };
}
