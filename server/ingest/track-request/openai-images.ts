/** OpenAI image generation: the prompt as a completion, the images as output media. */
import { completion, textBlock } from './blueprint-blocks.ts';
import { modelOf, parametersOf } from './call-fields.ts';
import { recordOf, recordsOf } from './loose-json.ts';
import type { MappedCall, ProviderCall } from './provider-call.ts';

export function mapOpenAiImages({ kwargs, response }: ProviderCall): MappedCall {
  const reply = recordOf(response);
  const media = recordsOf(reply.data).map((image) => ({
    type: 'output_media',
    url: typeof image.url === 'string' ? image.url : `data:image/png;base64,${String(image.b64_json ?? '')}`,
    mime_type: 'image/png',
  }));
  const revised = recordsOf(reply.data).find((image) => typeof image.revised_prompt === 'string');
  return {
    model: modelOf(reply, kwargs.model),
    apiType: 'images',
    parameters: parametersOf(kwargs, ['prompt', 'model']),
    input: completion(typeof kwargs.prompt === 'string' ? kwargs.prompt : undefined),
    output: {
      type: 'completion',
      content: [...(revised ? [textBlock(String(revised.revised_prompt))] : []), ...media],
    },
    inputTokens: 0,
    outputTokens: 0,
  };
}
