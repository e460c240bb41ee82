/** What every provider mapper takes (one provider call as posted) and gives (the stored shape). */
export interface ProviderCall {
  functionName: string;
  providerType: string;
  kwargs: Record<string, unknown>;
  /** The provider's reply (a stream already assembled by the SDK); `{}` after a provider error. */
  response: unknown;
}

export type Message = Record<string, unknown>;
export type Block = Record<string, unknown>;

export interface MappedCall {
  model: string;
  apiType: string | null;
  parameters: Record<string, unknown>;
  /** Chat or completion prompt templates (blueprints), content already as blocks. */
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  inputTokens: number;
  outputTokens: number;
}

export type ProviderMapper = (call: ProviderCall) => MappedCall;
