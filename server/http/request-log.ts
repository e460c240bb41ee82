/**
 * One log line per answered request (instead of Fastify's two), none for the dashboard's static
 * files, and a readable one-line form when the output is a terminal.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** Routes that serve the built dashboard's files: logged only when they fail. */
const STATIC_ROUTES = new Set(['/', '/*', '/assets/*']);

export class RequestLog extends LogController {
  override incomingRequest(): void {}

  /** requestCompleted logs the 404 itself. */
  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const failed = Boolean(error) || reply.statusCode >= 400;
    if (!failed && STATIC_ROUTES.has(request.routeOptions.url ?? '')) return;
    const line = { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

interface LogLine {
  time?: number;
  level?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
}

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** One pino JSON line as a terminal line: `12:04:05  GET /api/requests  200  3.1 ms`. */
export function prettyLogLine(json: string): string {
  let line: LogLine;
  try {
    line = JSON.parse(json) as LogLine;
  } catch {
    return json;
  }
  const time = new Date(line.time ?? Date.now()).toTimeString().slice(0, 8);
  if (line.req && line.res) {
    const ms = line.responseTime === undefined ? '' : `  ${line.responseTime.toFixed(1)} ms`;
    return `${time}  ${line.req.method ?? ''} ${line.req.url ?? ''}  ${line.res.statusCode ?? ''}${ms}\n`;
  }
  const level = LEVELS[line.level ?? 30] ?? 'info';
  const error = line.err?.stack ?? line.err?.message;
  return `${time}  ${level === 'info' ? '' : `${level}: `}${line.msg ?? ''}${error ? `\n${error}` : ''}\n`;
}

/** A pino destination that writes `prettyLogLine` of every line to `out`. */
export function prettyLogStream(out: NodeJS.WritableStream): { write(chunk: string): void } {
  return { write: (chunk) => void out.write(prettyLogLine(chunk)) };
}
