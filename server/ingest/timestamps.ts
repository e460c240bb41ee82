import { parseTimestamp } from '../../contract/timestamps.ts';

export { SECONDS_THRESHOLD } from '../../contract/timestamps.ts';

/**
 * Epoch ms from an ISO-8601 string, epoch seconds or epoch milliseconds (numbers or numeric
 * strings), by the one timestamp reader (contract/timestamps.ts). Undefined when it is none.
 */
export function toEpochMs(value: string | number): number | undefined {
  return parseTimestamp(value, 'seconds-or-ms');
}
