/** Errors the store throws on bad input; the HTTP layer turns them into a 400 naming the value. */

/** A value the client sent that the store refuses; `loc` says where in the request it was. */
export abstract class InvalidInputError extends Error {
  abstract readonly code: string;
  abstract readonly loc: (string | number)[];
  /** The message for the client, starting with the value's name. */
  abstract describe(): string;
}

/** A list cursor that this store did not issue, or issued for another sort. */
export class InvalidCursorError extends InvalidInputError {
  readonly code = 'invalid_cursor';
  readonly field = 'cursor';
  readonly loc = ['query', 'cursor'];

  constructor(message = 'cursor is not one this server issued for this sort') {
    super(message);
    this.name = 'InvalidCursorError';
  }

  describe(): string {
    return `cursor: invalid cursor (${this.message}); start again without it`;
  }
}

/** A PromptLayer search filter the store cannot compile (unknown field, operator or bad value). */
export class InvalidSearchFilterError extends InvalidInputError {
  readonly code = 'invalid_filter';
  readonly loc: (string | number)[];

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidSearchFilterError';
    this.loc = ['body', field];
  }

  describe(): string {
    return `${this.field}: ${this.message}`;
  }
}

/** A filter part whose cost the store cannot bound (e.g. `meta_contains.<key>` over too many values). */
export class FilterTooBroadError extends InvalidInputError {
  readonly code = 'filter_too_broad';
  readonly loc: (string | number)[];

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FilterTooBroadError';
    this.loc = ['query', field];
  }

  describe(): string {
    return `${this.field}: ${this.message}`;
  }
}

/** A read ran past its time limit and was abandoned; the route answers 503 with Retry-After. */
export class QueryTimeoutError extends Error {
  readonly code = 'query_timeout';

  constructor(readonly limitMs: number) {
    super(`the query ran longer than ${limitMs / 1000} s and was stopped; narrow the filter or try again`);
    this.name = 'QueryTimeoutError';
  }
}

/** Too many reads are waiting already; the route answers 503 with Retry-After. */
export class ReadsBusyError extends Error {
  readonly code = 'reads_busy';

  constructor() {
    super('too many searches are running; try again shortly');
    this.name = 'ReadsBusyError';
  }
}

/** SQLite reported its file damaged (SQLITE_CORRUPT / SQLITE_NOTADB): health turns unhealthy. */
export class DatabaseCorruptError extends Error {
  readonly code = 'database_corrupt';

  constructor(detail: string) {
    super(`the database file is damaged (${detail}); restore it from a backup`);
    this.name = 'DatabaseCorruptError';
  }
}

/** SQLite's and PostgreSQL's "no space left" errors: a write is answered 507 with Retry-After. */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_FULL' || code === '53100';
}

export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB';
}
