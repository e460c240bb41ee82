/** Providers and models the sample data uses, with list prices in USD per million tokens. */
export interface ModelSpec {
  provider: 'openai' | 'anthropic' | 'google' | 'mistral';
  name: string;
  inputPerMillion: number;
  outputPerMillion: number;
  functionName: string;
  apiType: string;
  /** Typical latency in ms for a ~500-token answer; the generator scales it. */
  baseLatencyMs: number;
  supportsThinking: boolean;
  /** Relative share of traffic. */
  weight: number;
}

const OPENAI_CHAT = 'openai.chat.completions.create';
const ANTHROPIC = 'anthropic.messages.create';
const GOOGLE = 'google.generativeai.GenerativeModel.generate_content';
const MISTRAL = 'mistral.chat.complete';

export const CHAT_MODELS: readonly ModelSpec[] = [
  m('openai', 'gpt-4o', 2.5, 10, OPENAI_CHAT, 'chat-completions', 1400, false, 18),
  m('openai', 'gpt-4o-mini', 0.15, 0.6, OPENAI_CHAT, 'chat-completions', 800, false, 22),
  m('openai', 'gpt-4.1', 2, 8, OPENAI_CHAT, 'chat-completions', 1300, false, 8),
  m('openai', 'o3-mini', 1.1, 4.4, 'openai.responses.create', 'responses', 4200, true, 5),
  m('anthropic', 'claude-sonnet-4-20250514', 3, 15, ANTHROPIC, 'messages', 1900, true, 14),
  m('anthropic', 'claude-3-5-haiku-20241022', 0.8, 4, ANTHROPIC, 'messages', 900, false, 8),
  m('anthropic', 'claude-opus-4-20250514', 15, 75, ANTHROPIC, 'messages', 3800, true, 3),
  m('google', 'gemini-2.0-flash', 0.1, 0.4, GOOGLE, 'generate-content', 700, false, 9),
  m('google', 'gemini-1.5-pro', 1.25, 5, GOOGLE, 'generate-content', 2100, false, 4),
  m('mistral', 'mistral-large-latest', 2, 6, MISTRAL, 'chat-completions', 1600, false, 4),
  m('mistral', 'mistral-small-latest', 0.2, 0.6, MISTRAL, 'chat-completions', 700, false, 4),
  m('mistral', 'codestral-latest', 0.3, 0.9, MISTRAL, 'chat-completions', 900, false, 1),
];

/** Completion-type (non-chat) models. */
export const COMPLETION_MODELS: readonly ModelSpec[] = [
  m('openai', 'gpt-3.5-turbo-instruct', 1.5, 2, 'openai.completions.create', 'completions', 600, false, 3),
  m('mistral', 'codestral-latest', 0.3, 0.9, 'mistral.fim.complete', 'fim', 500, false, 1),
];

export function priceOf(model: ModelSpec, inputTokens: number, outputTokens: number): number {
  const usd = (inputTokens * model.inputPerMillion + outputTokens * model.outputPerMillion) / 1_000_000;
  return Math.round(usd * 1e8) / 1e8;
}

function m(
  provider: ModelSpec['provider'],
  name: string,
  inputPerMillion: number,
  outputPerMillion: number,
  functionName: string,
  apiType: string,
  baseLatencyMs: number,
  supportsThinking: boolean,
  weight: number,
): ModelSpec {
  return {
    provider,
    name,
    inputPerMillion,
    outputPerMillion,
    functionName,
    apiType,
    baseLatencyMs,
    supportsThinking,
    weight,
  };
}
