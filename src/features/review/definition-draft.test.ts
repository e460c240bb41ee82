import { describe, expect, it } from 'vitest';
import { emptyDraft, parseDraft, parseLabels } from './definition-draft.ts';

describe('parseLabels', () => {
  it('spreads bare labels evenly over 0–100 and keeps explicit values', () => {
    expect(parseLabels('Bad, Okay, Great')).toEqual([
      { label: 'Bad', value: 0 },
      { label: 'Okay', value: 50 },
      { label: 'Great', value: 100 },
    ]);
    expect(parseLabels('No=0\nPartly = 40\n\nYes=100')).toEqual([
      { label: 'No', value: 0 },
      { label: 'Partly', value: 40 },
      { label: 'Yes', value: 100 },
    ]);
  });
});

describe('parseDraft', () => {
  it('builds each kind', () => {
    expect(parseDraft({ ...emptyDraft('tone'), labels: 'Rude, Fine, Warm' })).toMatchObject({
      ok: true,
      definition: { name: 'tone', kind: 'categorical' },
    });
    expect(
      parseDraft({ ...emptyDraft('acc'), kind: 'numeric', min: '1', max: '5', step: '1' }),
    ).toMatchObject({
      ok: true,
      definition: { kind: 'numeric', min: 1, max: 5, step: 1 },
    });
    expect(parseDraft({ ...emptyDraft('safe'), kind: 'boolean' })).toMatchObject({ ok: true });
  });

  it('names the field at fault', () => {
    expect(parseDraft({ ...emptyDraft(''), labels: 'a, b' })).toMatchObject({ ok: false, field: 'name' });
    expect(parseDraft({ ...emptyDraft('x'), labels: 'only' })).toMatchObject({
      ok: false,
      field: 'labels',
      message: 'Give at least two labels.',
    });
    expect(parseDraft({ ...emptyDraft('x'), labels: 'a=0, b=150' })).toMatchObject({
      ok: false,
      field: 'labels',
    });
    expect(parseDraft({ ...emptyDraft('x'), kind: 'numeric', min: '9', max: '3' })).toMatchObject({
      ok: false,
      field: 'max',
    });
    expect(parseDraft({ ...emptyDraft('x'), kind: 'numeric', step: 'two' })).toMatchObject({
      ok: false,
      field: 'step',
    });
  });
});
