/**
 * Retention settings from the environment (an admin setting in the dashboard once roles exist):
 *   PROMPTLOG_RETENTION_DAYS        delete requests older than this many days (unset or 0: keep all)
 *   PROMPTLOG_RETENTION_KEEP_SCORED `true` keeps requests that carry a score, however old
 *   PROMPTLOG_RETENTION_KEEP_TAGS   comma-separated tags whose requests are kept, however old
 */
import type { RetentionKeep } from '../store/store.ts';

export interface RetentionSettings {
  /** null: retention is off. */
  days: number | null;
  keep: RetentionKeep;
}

export class RetentionConfigError extends Error {
  override name = 'RetentionConfigError';
}

export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  const rawDays = env.PROMPTLOG_RETENTION_DAYS?.trim() ?? '';
  if (rawDays !== '' && !/^\d+$/.test(rawDays))
    throw new RetentionConfigError(
      `PROMPTLOG_RETENTION_DAYS: expected a whole number of days, got "${rawDays}"`,
    );
  const days = rawDays === '' || Number(rawDays) === 0 ? null : Number(rawDays);
  if (days !== null && days > 36_500)
    throw new RetentionConfigError('PROMPTLOG_RETENTION_DAYS: at most 36500 (100 years)');
  const rawScored = env.PROMPTLOG_RETENTION_KEEP_SCORED?.trim().toLowerCase() ?? '';
  if (!['', 'true', 'false', '1', '0'].includes(rawScored))
    throw new RetentionConfigError(
      `PROMPTLOG_RETENTION_KEEP_SCORED: expected true or false, got "${rawScored}"`,
    );
  const tags = (env.PROMPTLOG_RETENTION_KEEP_TAGS ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
  return { days, keep: { scored: rawScored === 'true' || rawScored === '1', tags: [...new Set(tags)] } };
}
