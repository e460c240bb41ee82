import { parseTimestamp } from '../../contract/timestamps.ts';
import { validationFailed } from '../http/errors.ts';

export { SECONDS_THRESHOLD } from '../../contract/timestamps.ts';

/**
 * Epoch ms from an ISO-8601 string, epoch seconds or epoch milliseconds (numbers or numeric
 * strings), by the one timestamp reader (contract/timestamps.ts). Undefined when it is none.
 */
export function toEpochMs(value: string | number): number | undefined {
  return parseTimestamp(value, 'seconds-or-ms');
}

function bodyTimestamp(value: string | number, field: string): number {
  const ms = toEpochMs(value);
  if (ms !== undefined) return ms;
  const msg = 'expected an ISO-8601 date-time, epoch seconds or epoch milliseconds';
  throw validationFailed(`${field}: ${msg}`, [{ loc: ['body', field], msg, type: 'invalid_timestamp' }]);
}

/**
 * A logged call's start and end (the request_start_time / request_end_time of /log-request and
 * /track-request) in epoch ms; throws an HttpError (422) naming the field that is not a time, or
 * request_end_time when it is before the start.
 */
export function requestTimes(wire: {
  request_start_time: string | number;
  request_end_time: string | number;
}): {
  startMs: number;
  endMs: number;
} {
  const startMs = bodyTimestamp(wire.request_start_time, 'request_start_time');
  const endMs = bodyTimestamp(wire.request_end_time, 'request_end_time');
  if (endMs < startMs) {
    const msg = 'must not be before request_start_time';
    throw validationFailed(`request_end_time: ${msg}`, [
      { loc: ['body', 'request_end_time'], msg, type: 'value_error' },
    ]);
  }
  return { startMs, endMs };
}
