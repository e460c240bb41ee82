/**
 * A tiny OpenAI- and Anthropic-compatible server on loopback for tests that drive the real
 * provider SDKs: chat completions (plain, tool calls when tools are offered, SSE streams) and
 * Anthropic messages. Replies echo the last user text so a test can tell calls apart.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface FakeProvider {
  url: string;
  /** Request bodies received, in order. */
  received: { path: string; body: Json }[];
  close: () => Promise<void>;
}

function lastUserText(messages: unknown): string {
  const list = Array.isArray(messages) ? (messages as Json[]) : [];
  const user = [...list].reverse().find((m) => m.role === 'user');
  const content = user?.content;
  if (typeof content === 'string') return content;
  const text = (Array.isArray(content) ? (content as Json[]) : []).find((b) => b.type === 'text');
  return typeof text?.text === 'string' ? text.text : '';
}

function chatCompletion(body: Json): Json {
  const tools = Array.isArray(body.tools) ? (body.tools as { function: { name: string } }[]) : [];
  const message =
    tools.length > 0
      ? {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: [
            {
              id: 'call_fake_1',
              type: 'function',
              function: { name: tools[0]?.function.name, arguments: '{"city":"Paris"}' },
            },
          ],
        }
      : { role: 'assistant', content: `echo: ${lastUserText(body.messages)}`, refusal: null };
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1767261600,
    model: `${String(body.model)}-fake`,
    choices: [{ index: 0, message, finish_reason: tools.length > 0 ? 'tool_calls' : 'stop', logprobs: null }],
    usage: { prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 },
  };
}

function streamChat(body: Json, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const base = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1767261600,
    model: `${String(body.model)}-fake`,
  };
  const words = ['echo', ': ', lastUserText(body.messages)];
  const chunks: Json[] = [
    { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
    ...words.map((word) => ({
      ...base,
      choices: [{ index: 0, delta: { content: word }, finish_reason: null }],
    })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  ];
  if ((body.stream_options as Json | undefined)?.include_usage) {
    chunks.push({
      ...base,
      choices: [],
      usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
    });
  }
  for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  res.end('data: [DONE]\n\n');
}

function anthropicMessage(body: Json): Json {
  return {
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model: String(body.model),
    content: [{ type: 'text', text: `echo: ${lastUserText(body.messages)}` }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 13, output_tokens: 4 },
  };
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as Json;
}

export async function startFakeProvider(): Promise<FakeProvider> {
  const received: FakeProvider['received'] = [];
  const server: Server = createServer((req, res) => {
    readJson(req).then(
      (body) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        received.push({ path, body });
        const json = (value: Json) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (path.endsWith('/chat/completions')) {
          if (body.stream) streamChat(body, res);
          else json(chatCompletion(body));
        } else if (path.endsWith('/messages')) json(anthropicMessage(body));
        else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"error":{"message":"not found"}}');
        }
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
