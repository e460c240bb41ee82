/**
 * Every error body is built here, in the one shape of contract/api.ts's apiErrorSchema
 * (`{success: false, message, error, detail?}`), from a zod issue (fromZodIssues), a domain error
 * (fromDomainError) or a route's own check (HttpError and its shorthands). The error handler
 * (error-handler.ts) only sends them.
 */
import type { z } from 'zod';
import type { ApiErrorBody } from '../../contract/api.ts';
import type { QueryIssue } from '../../contract/filter-query.ts';
import type { InvalidInputError } from '../store/errors.ts';

export type ErrorDetail = NonNullable<ApiErrorBody['detail']>[number];
/** Where a value came from: the part of the request (`body`, `query`, `path`) and the key path in it. */
export type ErrorLoc = ErrorDetail['loc'];

export function errorBody(code: string, message: string, detail?: ErrorDetail[]): ApiErrorBody {
  return detail ? { success: false, message, error: code, detail } : { success: false, message, error: code };
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly detail?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get body(): ApiErrorBody {
    return errorBody(this.code, this.message, this.detail);
  }
}

export const badRequest = (message: string, detail?: ErrorDetail[], code = 'bad_request') =>
  new HttpError(400, code, message, detail);

export const validationFailed = (message: string, detail?: ErrorDetail[]) =>
  new HttpError(422, 'validation_error', message, detail);

export const notFound = (message: string, code = 'not_found') => new HttpError(404, code, message);

export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);

/** A 400 or 422 about one value: `loc` names it, the message starts with its key path. */
export function fieldError(
  status: 400 | 422,
  code: string,
  loc: ErrorLoc,
  msg: string,
  type: string,
): HttpError {
  const path = loc.slice(1).join('.') || String(loc[0]);
  return new HttpError(status, code, `${path}: ${msg}`, [{ loc, msg, type }]);
}

/**
 * Custom zod checks in contract/ may set `params: {error, type}` to choose the error code and the
 * detail type; other issues get `invalid_input` (400) or `validation_error` (422) and their zod code.
 */
interface IssueParams {
  error?: string;
  type?: string;
}
const paramsOf = (issue: z.core.$ZodIssue): IssueParams =>
  ((issue as { params?: IssueParams }).params ?? {}) as IssueParams;

/** "input_tokens: Too small: expected number to be >=0" — names the first offending field. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const path = first.path.map(String).join('.') || 'body';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : '';
  return `${path}: ${first.message}${more}`;
}

export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  where: 'body' | 'query' | 'path',
  status: 400 | 422 = 400,
): HttpError {
  const detail = issues.map((issue) => ({
    loc: [where, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    msg: issue.message,
    type: paramsOf(issue).type ?? issue.code,
  }));
  const code =
    (issues[0] && paramsOf(issues[0]).error) ?? (status === 422 ? 'validation_error' : 'invalid_input');
  return new HttpError(status, code, describeIssues(issues), detail);
}

/** Parses `value` or throws a 400 (or 422) naming the field at fault. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'body' | 'query' | 'path',
  status: 400 | 422 = 400,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw fromZodIssues(result.error.issues, where, status);
}

/** A store's refusal of a value the client sent (a foreign cursor, a filter it cannot compile). */
export function fromDomainError(error: InvalidInputError): HttpError {
  return new HttpError(400, error.code, error.describe(), [
    { loc: error.loc, msg: error.describe(), type: error.code },
  ]);
}

/** The contract's query-string issues (contract/filter-query.ts) as a 400 naming the first parameter. */
export function fromQueryIssues(issues: readonly QueryIssue[]): HttpError {
  const first = issues[0];
  const message = first ? `${first.param}: ${first.message}` : 'invalid query string';
  return badRequest(
    message,
    issues.map((issue) => ({ loc: ['query', issue.param], msg: issue.message, type: 'invalid_param' })),
    'invalid_query',
  );
}

export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

export const tooManyRequests = (message: string) => new HttpError(429, 'rate_limited', message);
