/**
 * Shared by the drawer specs (e2e/drawer*.spec.ts): request bodies that exercise every block
 * type, hostile payloads, huge payloads, and small page helpers.
 */
import type { Page } from '@playwright/test';
import { chatBody, type LogRequestBody } from '../server/testing/factories.ts';

/** 1×1 PNG. */
export const DATA_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A chat request with every content block type of docs/wire-contract.md §5, tools and a tool result. */
export function everyBlockBody(serverUrl: string): LogRequestBody {
  return chatBody('unused', 'unused', {
    provider: 'anthropic',
    model: 'claude-sonnet-4',
    function_name: 'anthropic.messages.create',
    api_type: 'messages',
    parameters: { temperature: 0.3, thinking: { type: 'enabled', budget_tokens: 512 } },
    prompt_name: 'kitchen-sink',
    prompt_version_number: 7,
    prompt_input_variables: { city: 'Paris' },
    input: {
      type: 'chat',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'System prompt here.' }] },
        { role: 'developer', content: [{ type: 'text', text: 'Developer note.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Line one\n    indented line\n\ttabbed line' },
            { type: 'image_url', image_url: { url: `${serverUrl}/favicon.svg`, detail: 'low' } },
            { type: 'image_url', image_url: { url: DATA_PNG } },
            { type: 'code', code: 'print("hello")', language: 'python' },
            {
              type: 'media',
              media: {
                url: 'https://example.com/report.pdf',
                type: 'application/pdf',
                title: 'Quarterly report',
              },
            },
          ],
        },
        {
          role: 'assistant',
          content: [{ type: 'thinking', thinking: 'Secret chain of thought.', signature: 'sig' }],
          tool_calls: [
            {
              id: 'toolu_9',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
            },
            { id: 'toolu_10', type: 'function', function: { name: 'broken_args', arguments: '{"oops": ' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_9', content: [{ type: 'text', text: '{"temperature": 18}' }] },
        {
          role: 'assistant',
          content: [
            { type: 'server_tool_use', id: 'srv_1', name: 'web_search', input: { query: 'paris weather' } },
            { type: 'web_search_tool_result', tool_use_id: 'srv_1', content: [] },
          ],
        },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Get current weather for a city',
            parameters: { type: 'object', properties: { location: { type: 'string' } } },
          },
        },
        { type: 'web_search_20250305', name: 'web_search' },
      ],
    },
    output: {
      type: 'chat',
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'It is 18 degrees in Paris.' },
            { type: 'output_media', url: DATA_PNG, mime_type: 'image/png' },
          ],
        },
      ],
    },
  });
}

export function completionBody(): LogRequestBody {
  return chatBody('unused', 'unused', {
    model: 'gpt-3.5-turbo-instruct',
    input: { type: 'completion', content: [{ type: 'text', text: 'Say hello' }] },
    output: { type: 'completion', content: [] },
    status: 'ERROR',
    error_type: 'PROVIDER_TIMEOUT',
    error_message: 'Request timed out after 30 seconds',
  });
}

export const XSS = {
  script: '<script>alert("xss-script")</script>',
  img: '<img src=x onerror="alert(\'xss-img\')">',
  url: 'javascript:alert("xss-url")',
};

export function xssBody(): LogRequestBody {
  return chatBody(`${XSS.script} ${XSS.img}`, XSS.img, {
    prompt_name: XSS.img,
    tags: [XSS.img],
    metadata: { [XSS.script]: XSS.img, link: XSS.url },
    input: {
      type: 'chat',
      messages: [
        { role: 'user', name: XSS.img, content: [{ type: 'text', text: `${XSS.script}\n${XSS.img}` }] },
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: XSS.url } },
            { type: 'media', media: { url: XSS.url, type: 'text/html', title: XSS.img } },
            {
              type: 'output_media',
              url: 'data:text/html,<script>alert("xss-data")</script>',
              mime_type: 'image/png',
            },
          ],
        },
        {
          role: 'assistant',
          tool_calls: [{ id: 'x', type: 'function', function: { name: XSS.img, arguments: XSS.script } }],
        },
      ],
    },
    output: { type: 'chat', messages: [{ role: 'assistant', content: [{ type: 'text', text: XSS.img }] }] },
    status: 'ERROR',
    error_type: 'UNKNOWN_ERROR',
    error_message: XSS.script,
  });
}

/** One 5 MB text message. */
export function hugeTextBody(): LogRequestBody {
  const line = 'The quick brown fox jumps over the lazy dog. ';
  const text = `HUGE-START ${line.repeat(Math.ceil(5_000_000 / line.length))}`;
  return chatBody(text, 'short answer');
}

/** A 2,000-message conversation. */
export function longConversationBody(count = 2000): LogRequestBody {
  const messages = Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    content: [{ type: 'text', text: `Turn ${i + 1}: ${'lorem ipsum '.repeat(20)}` }],
  }));
  return chatBody('unused', 'final answer', { input: { type: 'chat', messages } });
}

export const drawer = (page: Page, id: number) => page.getByRole('dialog', { name: `Request ${id}` });
export const tableRow = (page: Page, id: number) => page.locator(`[role="row"][data-row-id="${id}"]`);

/** The detail as the server has it now: what persistence checks compare against. */
export interface Annotated {
  tags: string[];
  metadata: Record<string, string>;
  scores: Record<string, number>;
}
