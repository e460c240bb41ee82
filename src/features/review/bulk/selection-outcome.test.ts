import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { addedToQueueMessage, changedMessage, deletedMessage, failureMessage } from './selection-outcome.ts';

describe('selection outcome', () => {
  it('says what changed on how many requests', () => {
    expect(changedMessage({ kind: 'add-tag', tag: 'good' }, 3)).toBe('Done: add tag “good” on 3 requests.');
    expect(changedMessage({ kind: 'delete-score', name: 'q' }, 1)).toBe('Done: remove score q on 1 request.');
    expect(deletedMessage(1200)).toBe('Deleted 1,200 requests.');
    expect(addedToQueueMessage('triage', 2, 12)).toBe('Added 2 requests to queue “triage” (now 12 items).');
    expect(addedToQueueMessage('triage', 0, 12)).toBe(
      'Added 0 requests to queue “triage” (now 12 items: all were already in it).',
    );
  });

  it('explains a stale selection, a refusal, and passes other errors through', () => {
    expect(failureMessage(new ApiError(409, 'stale_selection', 'ids: 1 selected …'))).toMatch(
      /no longer exist.*select again/,
    );
    expect(failureMessage(new ApiError(403, 'forbidden', 'no'))).toMatch(/may not/);
    expect(failureMessage(new ApiError(422, 'score_out_of_definition', 'value: must be one of'))).toBe(
      'Nothing was changed: value: must be one of',
    );
  });
});
