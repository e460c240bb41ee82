/**
 * THE ingest path: a PromptLayer /log-request wire body → a NewRequest ready for the store.
 * Used by POST /log-request and by the sample-data generator, so both store exactly the same thing.
 */
import { LOG_REQUEST_CAMEL_ALIASES, logRequestBodySchema } from '../../contract/promptlayer.ts';
import { parseWith, validationFailed } from '../http/errors.ts';
import type { NewRequest } from '../store/store.ts';
import { deriveSearchColumns } from './search-columns.ts';
import { normalizeTemplate } from './templates.ts';
import { requestTimes } from './timestamps.ts';

/** Copies camelCase keys onto their snake_case names; a snake_case key that is present wins. */
export function foldCamelCaseAliases(body: Record<string, unknown>): Record<string, unknown> {
  const folded: Record<string, unknown> = { ...body };
  for (const [camel, snake] of Object.entries(LOG_REQUEST_CAMEL_ALIASES)) {
    if (camel in folded) {
      if (folded[snake] === undefined) folded[snake] = folded[camel];
      delete folded[camel];
    }
  }
  return folded;
}

/** Throws an HttpError (422) naming the first invalid field. */
export function normalizeLogRequest(body: unknown): NewRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationFailed('body: expected a JSON object', [
      { loc: ['body'], msg: 'expected a JSON object', type: 'invalid_type' },
    ]);
  }
  const wire = parseWith(
    logRequestBodySchema,
    foldCamelCaseAliases(body as Record<string, unknown>),
    'body',
    422,
  );
  const { startMs, endMs } = requestTimes(wire);
  const input = normalizeTemplate(wire.input);
  const output = normalizeTemplate(wire.output);
  const scores: Record<string, number> = {};
  // The Python SDK always sends score: 0 with score_name: null; that is "no score".
  if (wire.score !== undefined && wire.score !== null && (wire.score !== 0 || wire.score_name)) {
    scores[wire.score_name ?? 'default'] = wire.score;
  }
  const status = wire.status ?? 'SUCCESS';
  return {
    provider: wire.provider,
    model: wire.model,
    functionName: wire.function_name ?? null,
    apiType: wire.api_type ?? null,
    status,
    errorType: wire.error_type ?? null,
    errorMessage: wire.error_message ?? null,
    startMs,
    endMs,
    inputTokens: wire.input_tokens ?? 0,
    outputTokens: wire.output_tokens ?? 0,
    price: wire.price ?? 0,
    promptName: wire.prompt_name ?? null,
    promptId: wire.prompt_id === undefined || wire.prompt_id === null ? null : String(wire.prompt_id),
    promptVersionNumber: wire.prompt_version_number ?? null,
    promptInputVariables: wire.prompt_input_variables ?? null,
    parameters: wire.parameters ?? {},
    input,
    output,
    ...deriveSearchColumns(input, output),
    tags: [...new Set(wire.tags ?? [])],
    metadata: wire.metadata ?? {},
    scores,
    groupId: wire.group_id ?? null,
  };
}
