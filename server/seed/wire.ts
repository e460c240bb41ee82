/**
 * The shapes the generator emits: PromptLayer `/log-request` bodies as the SDKs send them
 * (docs/wire-contract.md §2 and §5). Loose on purpose where real clients are loose.
 */
export type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature?: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'low' | 'high' | 'auto' } }
  | { type: 'code'; code: string; language?: string };

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export type Message =
  | { role: 'system' | 'developer' | 'user'; content: ContentBlock[] | string; name?: string }
  | { role: 'assistant'; content: ContentBlock[] | string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; content: ContentBlock[] | string; tool_call_id: string };

export interface ChatTemplate {
  type: 'chat';
  messages: Message[];
  tools?: ToolDefinition[];
  tool_choice?: 'auto' | 'required' | 'none';
  input_variables?: string[];
}

export interface CompletionTemplate {
  type: 'completion';
  content: ContentBlock[];
  template_format?: 'f-string' | 'jinja2';
  input_variables?: string[];
}

export type PromptTemplate = ChatTemplate | CompletionTemplate;

/** ISO-8601 string, epoch seconds (float) or epoch milliseconds. */
export type WireTime = string | number;

/** A `/log-request` body. Keys may also arrive in camelCase (requestStartTime, inputTokens, …). */
export interface LogRequestBody {
  provider: string;
  model: string;
  input: PromptTemplate;
  output: PromptTemplate;
  request_start_time?: WireTime;
  request_end_time?: WireTime;
  requestStartTime?: WireTime;
  requestEndTime?: WireTime;
  parameters?: Record<string, unknown>;
  tags?: string[];
  metadata?: Record<string, string>;
  prompt_name?: string;
  promptName?: string;
  prompt_version_number?: number;
  prompt_input_variables?: Record<string, unknown>;
  input_tokens?: number;
  output_tokens?: number;
  inputTokens?: number;
  outputTokens?: number;
  price?: number;
  function_name?: string;
  api_type?: string;
  score?: number;
  score_name?: string | null;
  status?: 'SUCCESS' | 'WARNING' | 'ERROR';
  error_type?: string;
  error_message?: string;
}
