/** Test helper: a valid NewRequest with sensible defaults, overridable field by field. */
import type { NewRequest } from './store.ts';

let counter = 0;

export function makeNewRequest(overrides: Partial<NewRequest> = {}): NewRequest {
  counter += 1;
  const startMs = overrides.startMs ?? Date.UTC(2025, 0, 1) + counter * 1000;
  const question = `What is the weather in Paris? (${counter})`;
  const answer = 'It is sunny and 21 degrees.';
  return {
    provider: 'openai',
    model: 'gpt-4o',
    functionName: 'openai.chat.completions.create',
    apiType: 'chat-completions',
    status: 'SUCCESS',
    errorType: null,
    errorMessage: null,
    startMs,
    endMs: startMs + 850,
    inputTokens: 12,
    outputTokens: 25,
    price: 0.00123,
    promptName: null,
    promptId: null,
    promptVersionNumber: null,
    promptInputVariables: null,
    parameters: { temperature: 0.2 },
    input: {
      type: 'chat',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a weather assistant.' }] },
        { role: 'user', content: [{ type: 'text', text: question }] },
      ],
    },
    output: { type: 'chat', messages: [{ role: 'assistant', content: [{ type: 'text', text: answer }] }] },
    inputText: `[system]: You are a weather assistant.\n[user]: ${question}`,
    outputText: answer,
    isToolCall: false,
    toolNames: [],
    isJson: false,
    tags: [],
    metadata: {},
    scores: {},
    groupId: null,
    ...overrides,
    ...(overrides.endMs === undefined && overrides.startMs !== undefined ? { endMs: startMs + 850 } : {}),
  };
}
