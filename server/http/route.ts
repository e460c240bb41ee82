/**
 * Routes typed by the contract: a route declares where its params, query and body come from and
 * what it answers, and its handler receives them parsed and typed (no `request.params as …`).
 *
 * Parsing happens when the handler runs, after the key check (a preHandler hook), in the order
 * path → query → body, each failure a 400 (422 where the route says so) built by ./errors.ts.
 * Most declarations are zod schemas from contract/; a parser function may stand in where a value
 * needs more than a schema (repeatable filter parameters, PromptLayer's log body with its aliases).
 * The response schema types what the handler returns; replies are not re-validated at run time.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import type { ParseResult } from '../../contract/filter-query.ts';
import { fromQueryIssues, fromZodIssues, parseWith } from './errors.ts';

/** A parser that throws an HttpError on bad input. */
type Parser<In, Out> = (raw: In) => Out;
type Decl<In> = z.ZodType | Parser<In, unknown>;
type Parsed<D> = D extends z.ZodType ? z.output<D> : D extends Parser<never, infer Out> ? Out : undefined;

export interface RouteSchemas {
  /** Path parameters, checked left to right: the first wrong one is reported. */
  params?: Decl<unknown>;
  /** A zod schema over the parsed query object, or a parser of the raw URLSearchParams. */
  query?: Decl<URLSearchParams>;
  body?: Decl<unknown>;
  /** 422 for PromptLayer bodies (the SDKs' contract), 400 otherwise. */
  bodyStatus?: 400 | 422;
  /** The success status (default 200). */
  status?: number;
  /** The JSON the route answers; absent for a route that sends its own reply (a stream). */
  response?: z.ZodType;
}

export interface RouteInput<S extends RouteSchemas> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Answer<S extends RouteSchemas> = S['response'] extends z.ZodType ? z.input<S['response']> : FastifyReply;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The raw query string of a request, for the contract's URLSearchParams parsers. */
export function rawQuery(url: string): URLSearchParams {
  const index = url.indexOf('?');
  return new URLSearchParams(index === -1 ? '' : url.slice(index + 1));
}

/** A contract query parser (contract/filter-query.ts) whose issues become a 400 naming the parameter. */
export function queryParser<T>(
  parse: (params: URLSearchParams) => ParseResult<T>,
): Parser<URLSearchParams, T> {
  return (params) => {
    const result = parse(params);
    if (!result.ok) throw fromQueryIssues(result.issues);
    return result.value;
  };
}

/** A body that may be absent (or null): parsed as `{}`. */
export const optionalBody = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? {}, schema);

function parseParams(decl: Decl<unknown>, raw: unknown): unknown {
  if (!(decl instanceof z.ZodType)) return decl(raw);
  const result = decl.safeParse(raw);
  if (result.success) return result.data;
  throw fromZodIssues(result.error.issues.slice(0, 1), 'path');
}

function parseDecl<In>(decl: Decl<In> | undefined, raw: In, where: 'query' | 'body', status: 400 | 422) {
  if (decl === undefined) return undefined;
  if (decl instanceof z.ZodType) return parseWith(decl, raw, where, status);
  return decl(raw);
}

export function route<S extends RouteSchemas>(
  app: FastifyInstance,
  method: Method,
  url: string | readonly string[],
  schemas: S,
  handler: (input: RouteInput<S>) => Promise<Answer<S>>,
  options: RouteShorthandOptions = {},
): void {
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const params = schemas.params ? parseParams(schemas.params, request.params) : undefined;
    const query =
      schemas.query instanceof z.ZodType
        ? parseWith(schemas.query, request.query, 'query')
        : schemas.query?.(rawQuery(request.url));
    const body = parseDecl(schemas.body, request.body, 'body', schemas.bodyStatus ?? 400);
    const input = { params, query, body, request, reply } as RouteInput<S>;
    const answer = await handler(input);
    if (schemas.status !== undefined) reply.code(schemas.status);
    return answer;
  };
  for (const path of typeof url === 'string' ? [url] : url) {
    app.route({ ...options, method, url: path, handler: handle });
  }
}
