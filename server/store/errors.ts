/** Errors the store throws on bad input; routes map both to a 400 naming the field. */

/** A list cursor that this store did not issue, or issued for another sort. */
export class InvalidCursorError extends Error {
  readonly code = 'invalid_cursor';
  readonly field = 'cursor';

  constructor(message = 'cursor is not one this server issued for this sort') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

/** A PromptLayer search filter the store cannot compile (unknown field, operator or bad value). */
export class InvalidSearchFilterError extends Error {
  readonly code = 'invalid_filter';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidSearchFilterError';
  }
}
