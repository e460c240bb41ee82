/** A minimal keep-alive HTTP client for timing: whole response read, status checked, time in ms. */
import { Agent, request } from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
  ms: number;
}

export class BenchHttp {
  readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    maxSockets = 1,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: 'GET' | 'POST' | 'DELETE', path: string, body?: string): Promise<HttpResult> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = { 'x-api-key': this.apiKey };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET expecting 200 and a JSON body; throws with the body otherwise. */
  async getJson<T>(path: string): Promise<{ data: T; ms: number }> {
    const result = await this.send('GET', path);
    if (result.status !== 200)
      throw new Error(`GET ${path} → ${result.status}: ${result.body.slice(0, 300)}`);
    return { data: JSON.parse(result.body) as T, ms: result.ms };
  }

  close(): void {
    this.agent.destroy();
  }
}
