/**
 * The one error the PostgreSQL adapter throws when it cannot reach its database. Routes map it
 * to `503 {success:false, error:'database_unavailable', message}` instead of a 500, so clients
 * (and the PromptLayer SDKs, which retry 5xx) see a temporary condition, not a crash.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'database_unavailable';
  readonly statusCode = 503;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

export function isDatabaseUnavailableError(error: unknown): error is DatabaseUnavailableError {
  return error instanceof DatabaseUnavailableError;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * True for failures that mean "the database is not there right now" rather than "this query is
 * wrong": socket errors, pool connect timeouts, and PostgreSQL's connection-exception (08xxx)
 * and operator-intervention (57P0x: shutdown, cannot connect now) classes.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (code.startsWith('08') || /^57P0[1-4]$/.test(code)) return true;
  }
  const message = error.message;
  return (
    message.includes('timeout exceeded when trying to connect') ||
    message.includes('Connection terminated') ||
    message.includes('connect ECONNREFUSED') ||
    message.includes('Client has encountered a connection error')
  );
}

/** Describes where we tried to connect, without the password. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured PostgreSQL';
  }
}

/** Re-throws connection failures as DatabaseUnavailableError; everything else unchanged. */
export function translateError(error: unknown, target: string): never {
  if (error instanceof DatabaseUnavailableError) throw error;
  if (isConnectionFailure(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`PostgreSQL at ${target} is unavailable: ${reason}`, {
      cause: error,
    });
  }
  throw error;
}
