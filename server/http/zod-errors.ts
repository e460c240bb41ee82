import type { z } from 'zod';
import { badRequest, type ErrorDetail, type HttpError, validationFailed } from './errors.ts';

export function issuesToDetail(issues: readonly z.core.$ZodIssue[], locPrefix: string): ErrorDetail[] {
  return issues.map((issue) => ({
    loc: [locPrefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    msg: issue.message,
    type: issue.code,
  }));
}

/** "input_tokens: Too small: expected number to be >=0" — names the first offending field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const path = first.path.map(String).join('.') || 'body';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : '';
  return `${path}: ${first.message}${more}`;
}

/** Parses `value` or throws a 400 (or 422) naming the field at fault. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  options: { loc: 'body' | 'query' | 'path'; status?: 400 | 422 },
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = issuesToDetail(result.error.issues, options.loc);
  const message = describeIssues(result.error.issues);
  const error: HttpError =
    options.status === 422 ? validationFailed(message, detail) : badRequest(message, detail, 'invalid_input');
  throw error;
}
