import type { ParseResult, QueryIssue } from '../../contract/filter-query.ts';
import { badRequest } from './errors.ts';

/** The contract's query-string issues as a 400 that names the first parameter at fault. */
export function queryIssuesError(issues: QueryIssue[]) {
  const first = issues[0];
  const message = first ? `${first.param}: ${first.message}` : 'invalid query string';
  return badRequest(
    message,
    issues.map((issue) => ({ loc: ['query', issue.param], msg: issue.message, type: 'invalid_param' })),
    'invalid_query',
  );
}

export function unwrapQuery<T>(result: ParseResult<T>): T {
  if (!result.ok) throw queryIssuesError(result.issues);
  return result.value;
}
