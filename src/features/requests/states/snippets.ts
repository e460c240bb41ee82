/** Copy-paste snippets for the onboarding screen. The key is never included: users export it themselves. */
export interface Snippet {
  id: string;
  title: string;
  code: string;
}

/** `now` stamps the curl example, so the request it logs appears at the top of the list. */
export function ingestSnippets(origin: string, now: number = Date.now()): Snippet[] {
  const start = new Date(now - 1000).toISOString();
  const end = new Date(now).toISOString();
  return [
    {
      id: 'curl',
      title: 'curl',
      code: `export PROMPTLAYER_API_KEY=<your Promptlog API key>

curl -X POST ${origin}/log-request \\
  -H "X-API-KEY: $PROMPTLAYER_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "provider": "openai",
    "model": "gpt-4o",
    "input": {"type": "chat", "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}]},
    "output": {"type": "chat", "messages": [{"role": "assistant", "content": [{"type": "text", "text": "Hi! How can I help?"}]}]},
    "request_start_time": "${start}",
    "request_end_time": "${end}",
    "tags": ["hello"]
  }'`,
    },
    {
      id: 'js',
      title: 'JavaScript SDK',
      code: `// npm install promptlayer
// PROMPTLAYER_BASE_URL=${origin}  PROMPTLAYER_API_KEY=<your Promptlog API key>
import { PromptLayer } from 'promptlayer';

const promptlayer = new PromptLayer({ apiKey: process.env.PROMPTLAYER_API_KEY });
const start = Date.now();
// … call your model …
await promptlayer.logRequest({
  provider: 'openai',
  model: 'gpt-4o',
  input: { type: 'chat', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }] },
  output: { type: 'chat', messages: [{ role: 'assistant', content: [{ type: 'text', text: 'Hi!' }] }] },
  request_start_time: start,
  request_end_time: Date.now(),
  tags: ['hello'],
});`,
    },
    {
      id: 'python',
      title: 'Python SDK',
      code: `# pip install promptlayer
# PROMPTLAYER_BASE_URL=${origin}  PROMPTLAYER_API_KEY=<your Promptlog API key>
import os, time
from promptlayer import PromptLayer

pl = PromptLayer(api_key=os.environ["PROMPTLAYER_API_KEY"])
start = time.time()
# … call your model …
pl.log_request(
    provider="openai",
    model="gpt-4o",
    input={"type": "chat", "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}]},
    output={"type": "chat", "messages": [{"role": "assistant", "content": [{"type": "text", "text": "Hi!"}]}]},
    request_start_time=start,
    request_end_time=time.time(),
    tags=["hello"],
)`,
    },
  ];
}
