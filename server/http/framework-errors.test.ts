/**
 * Errors raised outside the routes leave in the documented JSON shape with nosniff (issue #8,
 * item 11): Node's parser errors (400, 431) on a real socket, the router's 414, text/plain 415,
 * a __proto__ key, a UTF-16 charset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../start-server.ts';
import { logBody } from '../testing/factories.ts';
import { createTestApp, errorOf, KEY_HEADER, type TestApp } from '../testing/test-app.ts';
import { clientErrorResponse } from './framework-errors.ts';

/** Sends raw bytes and returns the raw response. */
function raw(server: RunningServer, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let out = '';
    socket.on('data', (chunk) => {
      out += chunk.toString('utf8');
    });
    socket.on('close', () => resolve(out));
    socket.on('error', (error) => (out ? resolve(out) : reject(error)));
    socket.end(bytes);
  });
}

function parse(response: string): { status: number; headers: string; body: Record<string, unknown> } {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

describe('on a real socket', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'promptlog-framework-'));
    server = await startServer({ dataDir, distDir: join(dataDir, 'none') });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('headers over the limit: 431 JSON', async () => {
    const response = parse(
      await raw(server, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(response.status).toBe(431);
    expect(response.headers).toContain('content-type: application/json');
    expect(response.headers).toContain('x-content-type-options: nosniff');
    expect(response.body).toMatchObject({ success: false, error: 'headers_too_large' });
  });

  it('a request that is not HTTP: 400 JSON', async () => {
    const response = parse(await raw(server, 'HELLO\r\n\r\n'));
    expect(response.status).toBe(400);
    expect(response.headers).toContain('x-content-type-options: nosniff');
    expect(response.body).toMatchObject({ success: false, error: 'bad_request' });
  });

  it('a request timeout is a 408 in the same shape', () => {
    const response = parse(clientErrorResponse('ERR_HTTP_REQUEST_TIMEOUT'));
    expect(response.status).toBe(408);
    expect(response.body).toMatchObject({ success: false, error: 'request_timeout' });
  });
});

describe('bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (payload: string, contentType: string) =>
    t.app.inject({
      method: 'POST',
      url: '/log-request',
      headers: { ...KEY_HEADER, 'content-type': contentType },
      payload,
    });

  it('text/plain is a 415', async () => {
    const response = await post(JSON.stringify(logBody()), 'text/plain');
    expect(response.statusCode).toBe(415);
    expect(errorOf(response).error).toBe('unsupported_media_type');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a __proto__ key is a 400 that says so', async () => {
    const body = JSON.stringify(logBody()).replace(/^\{/, '{"__proto__": {"x": 1},');
    const response = await post(body, 'application/json');
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).message).toContain('__proto__');
  });

  it('a charset other than UTF-8 is a 415', async () => {
    const response = await post(JSON.stringify(logBody()), 'application/json; charset=utf-16');
    expect(response.statusCode).toBe(415);
    expect(errorOf(response).message).toContain('utf-16');
    expect((await post(JSON.stringify(logBody()), 'application/json; charset=UTF-8')).statusCode).toBe(201);
  });
});
