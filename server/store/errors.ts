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
