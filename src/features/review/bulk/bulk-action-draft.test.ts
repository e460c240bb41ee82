import { describe, expect, it } from 'vitest';
import { describeAction, parseBulkDraft } from './bulk-action-draft.ts';

describe('parseBulkDraft', () => {
  it('builds each action and says what it does', () => {
    const cases = [
      [{ kind: 'add-tag', name: ' reviewed ', value: '' }, 'add tag “reviewed”'],
      [{ kind: 'remove-tag', name: 'old', value: '' }, 'remove tag “old”'],
      [{ kind: 'set-metadata', name: 'team', value: 'search' }, 'set team = “search”'],
      [{ kind: 'delete-metadata', name: 'team', value: '' }, 'remove metadata key team'],
      [{ kind: 'set-score', name: 'quality', value: '80' }, 'set score quality to 80'],
      [{ kind: 'delete-score', name: 'quality', value: '' }, 'remove score quality'],
    ] as const;
    for (const [draft, text] of cases) {
      const parsed = parseBulkDraft(draft);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(describeAction(parsed.action)).toBe(text);
    }
  });

  it('refuses an empty name and a score outside 0–100', () => {
    expect(parseBulkDraft({ kind: 'add-tag', name: ' ', value: '' })).toEqual({
      ok: false,
      message: 'Enter a tag.',
    });
    expect(parseBulkDraft({ kind: 'set-score', name: 'q', value: '101' })).toMatchObject({ ok: false });
    expect(parseBulkDraft({ kind: 'set-score', name: 'q', value: 'x' })).toMatchObject({ ok: false });
  });
});
