/**
 * The one transport for /api calls: adds the key, parses every reply with the contract's zod
 * schema, and throws a typed ApiError (never a raw Response or an untyped JSON blob).
 */
import type { z } from 'zod';
import { apiErrorSchema } from '../../contract/api.ts';
import { getApiKey } from './api-key-store.ts';

export class ApiError extends Error {
  readonly status: number;
  /** Machine code from the server (`error`), or `network` / `bad_response` from the client. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export interface ApiRequest<T> {
  schema: z.ZodType<T>;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** The same GET already in flight (see first-page.ts); used instead of a new fetch when it answered. */
  early?: Promise<Response | null> | null;
}

export async function apiFetch<T>(
  path: string,
  { schema, method = 'GET', body, signal, early }: ApiRequest<T>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = getApiKey();
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response =
      (await early) ??
      (await fetch(path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
      }));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Cannot reach the Promptlog server. Check that it is running.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(payload);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error, parsed.data.message);
    throw new ApiError(
      response.status,
      'http_error',
      `The server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'bad_response',
      `Unexpected reply from ${path.split('?')[0]}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
