/** A call of a shape Promptlog does not know: its raw request and reply kept as JSON blocks. */
import { chat } from './blueprint-blocks.ts';
import { modelOf } from './call-fields.ts';
import { recordOf } from './loose-json.ts';
import type { MappedCall, ProviderCall } from './provider-call.ts';

export function mapRawCall({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  return {
    model: modelOf(reply, kwargs.model, kwargs.modelId),
    apiType: null,
    parameters: {},
    input: chat([{ role: 'user', content: [{ type: 'raw_request', kwargs }] }]),
    output: chat([{ role: 'assistant', content: [{ type: 'raw_response', response: response ?? null }] }]),
    inputTokens: 0,
    outputTokens: 0,
  };
}
