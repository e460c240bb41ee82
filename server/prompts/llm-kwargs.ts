/**
 * `llm_kwargs`: a rendered template and its model metadata as the provider SDK's call arguments
 * (run() spreads them into `client.chat.completions.create(…)`, `client.messages.create(…)`, …).
 */
type Json = Record<string, unknown>;

export interface ModelMetadata {
  provider: string;
  name: string;
  parameters: Json;
  api_type?: string | null;
}

function blocksOf(content: unknown): Json[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content.filter((b): b is Json => typeof b === 'object' && b !== null) : [];
}

function textOf(content: unknown): string {
  return blocksOf(content)
    .filter((b) => b.type === 'text')
    .map((b) => String(b.text ?? ''))
    .join('\n');
}

function messagesOf(template: Json): Json[] {
  return Array.isArray(template.messages) ? (template.messages as Json[]) : [];
}

function onlyText(blocks: Json[]): boolean {
  return blocks.every((b) => b.type === 'text');
}

function functionTools(template: Json): Json[] {
  return Array.isArray(template.tools) ? (template.tools as Json[]) : [];
}

function openAiChat(template: Json): Json {
  const messages = messagesOf(template).map((m) => {
    const blocks = blocksOf(m.content);
    const out: Json = { role: m.role };
    out.content = onlyText(blocks)
      ? textOf(blocks)
      : blocks.map((b) => (b.type === 'image_url' ? { type: 'image_url', image_url: b.image_url } : b));
    if (Array.isArray(m.tool_calls) && m.tool_calls.length > 0) {
      out.tool_calls = m.tool_calls;
      if (out.content === '') out.content = null;
    }
    if (m.tool_call_id !== undefined) out.tool_call_id = m.tool_call_id;
    if (typeof m.name === 'string') out.name = m.name;
    return out;
  });
  const kwargs: Json = { messages };
  if (functionTools(template).length > 0) kwargs.tools = functionTools(template);
  if (template.tool_choice !== undefined && template.tool_choice !== null)
    kwargs.tool_choice = template.tool_choice;
  return kwargs;
}

function openAiResponses(template: Json): Json {
  const system = messagesOf(template).filter((m) => m.role === 'system' || m.role === 'developer');
  const input = messagesOf(template)
    .filter((m) => !system.includes(m))
    .map((m) => ({
      role: m.role === 'tool' ? 'user' : m.role,
      content: blocksOf(m.content).map((b) =>
        b.type === 'image_url'
          ? { type: 'input_image', image_url: (b.image_url as Json | undefined)?.url }
          : { type: m.role === 'assistant' ? 'output_text' : 'input_text', text: String(b.text ?? '') },
      ),
    }));
  const kwargs: Json = { input };
  if (system.length > 0) kwargs.instructions = system.map((m) => textOf(m.content)).join('\n');
  const tools = functionTools(template).map((tool) => {
    const fn = tool.function as Json | undefined;
    return tool.type === 'function' && fn ? { type: 'function', ...fn } : tool;
  });
  if (tools.length > 0) kwargs.tools = tools;
  return kwargs;
}

function anthropicBlock(block: Json): Json {
  if (block.type !== 'image_url') return block.type === 'text' ? { type: 'text', text: block.text } : block;
  const url = String((block.image_url as Json | undefined)?.url ?? '');
  const data = /^data:([^;]+);base64,(.*)$/s.exec(url);
  return data
    ? { type: 'image', source: { type: 'base64', media_type: data[1], data: data[2] } }
    : { type: 'image', source: { type: 'url', url } };
}

function anthropicChat(template: Json, parameters: Json): Json {
  const system = messagesOf(template).filter((m) => m.role === 'system');
  const messages = messagesOf(template)
    .filter((m) => m.role !== 'system')
    .map((m) => {
      if (m.role === 'tool') {
        return {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: m.tool_call_id, content: textOf(m.content) }],
        };
      }
      const content: Json[] = blocksOf(m.content).map(anthropicBlock);
      for (const call of Array.isArray(m.tool_calls) ? (m.tool_calls as Json[]) : []) {
        const fn = (call.function ?? {}) as Json;
        let input: unknown = {};
        try {
          input = JSON.parse(String(fn.arguments ?? '{}'));
        } catch {
          input = {};
        }
        content.push({ type: 'tool_use', id: call.id, name: fn.name, input });
      }
      return { role: m.role, content };
    });
  const kwargs: Json = { max_tokens: parameters.max_tokens ?? 1024, messages };
  if (system.length > 0) kwargs.system = system.map((m) => textOf(m.content)).join('\n');
  const tools = functionTools(template).map((tool) => {
    const fn = tool.function as Json | undefined;
    return fn
      ? { name: fn.name, description: fn.description, input_schema: fn.parameters ?? { type: 'object' } }
      : tool;
  });
  if (tools.length > 0) kwargs.tools = tools;
  return kwargs;
}

function googleChat(template: Json, parameters: Json): Json {
  const system = messagesOf(template).filter((m) => m.role === 'system');
  const contents = messagesOf(template)
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: textOf(m.content) }] }));
  const kwargs: Json = { contents, generation_config: parameters };
  if (system.length > 0) kwargs.system_instruction = system.map((m) => textOf(m.content)).join('\n');
  return kwargs;
}

function bedrockChat(template: Json, parameters: Json, model: string): Json {
  const system = messagesOf(template).filter((m) => m.role === 'system');
  const messages = messagesOf(template)
    .filter((m) => m.role !== 'system')
    .map((m) => ({
      role: m.role === 'assistant' ? 'assistant' : 'user',
      content: [{ text: textOf(m.content) }],
    }));
  return {
    modelId: model,
    messages,
    system: system.map((m) => ({ text: textOf(m.content) })),
    inferenceConfig: parameters,
  };
}

/** The provider call's arguments; model parameters are spread in (overrides win). */
export function buildLlmKwargs(template: Json, model: ModelMetadata): Json {
  const parameters = model.parameters;
  const provider = model.provider;
  const isCompletion = template.type === 'completion';
  const prompt = isCompletion ? textOf(template.content) : '';
  if (provider === 'amazon.bedrock') return bedrockChat(template, parameters, model.name);
  if (provider === 'google' || (provider === 'vertexai' && model.name.startsWith('gemini'))) {
    return {
      model: model.name,
      ...(isCompletion
        ? { contents: prompt, generation_config: parameters }
        : googleChat(template, parameters)),
    };
  }
  if (provider.startsWith('anthropic') || (provider === 'vertexai' && model.name.startsWith('claude'))) {
    if (isCompletion) return { model: model.name, prompt, max_tokens_to_sample: 1024, ...parameters };
    return { model: model.name, ...parameters, ...anthropicChat(template, parameters) };
  }
  if (model.api_type === 'images')
    return {
      model: model.name,
      prompt: prompt || textOf(messagesOf(template).at(-1)?.content),
      ...parameters,
    };
  if (model.api_type === 'responses')
    return { model: model.name, ...parameters, ...openAiResponses(template) };
  if (isCompletion) return { model: model.name, prompt, ...parameters };
  return { model: model.name, ...parameters, ...openAiChat(template) };
}
