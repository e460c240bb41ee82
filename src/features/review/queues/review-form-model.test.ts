import { describe, expect, it } from 'vitest';
import type { ScoreDefinition } from '../../../../contract/score-definitions.ts';
import { keyFor, keyValue, missing, nextActive, parseTyped } from './review-form-model.ts';

const base = { description: '', createdBy: 'Ada', createdAt: 0, archivedAt: null, step: 1 };
const tone: ScoreDefinition = {
  ...base,
  id: 1,
  name: 'tone',
  kind: 'categorical',
  min: 0,
  max: 100,
  labels: [
    { label: 'Rude', value: 0 },
    { label: 'Plain', value: 40 },
    { label: 'Kind', value: 100 },
  ],
};
const safe: ScoreDefinition = {
  ...base,
  id: 2,
  name: 'safe',
  kind: 'boolean',
  min: 0,
  max: 100,
  labels: [
    { label: 'Fail', value: 0 },
    { label: 'Pass', value: 100 },
  ],
};
const accuracy: ScoreDefinition = {
  ...base,
  id: 3,
  name: 'accuracy',
  kind: 'numeric',
  min: 0,
  max: 10,
  step: 2,
  labels: [],
};

describe('review form keys', () => {
  it('digits pick categorical labels in order; past the last label they do nothing', () => {
    expect(keyValue(tone, '1')).toBe(0);
    expect(keyValue(tone, '3')).toBe(100);
    expect(keyValue(tone, '4')).toBeNull();
    expect(keyValue(tone, '0')).toBeNull();
    expect(keyValue(tone, 'x')).toBeNull();
  });

  it('boolean takes 1 for pass and 0 for fail; numeric takes no single key', () => {
    expect(keyValue(safe, '1')).toBe(100);
    expect(keyValue(safe, '0')).toBe(0);
    expect(keyValue(safe, '2')).toBeNull();
    expect(keyValue(accuracy, '5')).toBeNull();
    expect(safe.labels.map((_, i) => keyFor(safe, i))).toEqual(['0', '1']);
    expect(tone.labels.map((_, i) => keyFor(tone, i))).toEqual(['1', '2', '3']);
  });

  it('moves to the next definition without a value, wrapping, and lists what is missing', () => {
    const all = [tone, safe, accuracy];
    expect(nextActive(all, {}, 0)).toBe(1);
    expect(nextActive(all, { safe: 100 }, 0)).toBe(2);
    expect(nextActive(all, { accuracy: 4 }, 1)).toBe(0);
    expect(nextActive(all, { tone: 0, safe: 0, accuracy: 2 }, 1)).toBe(1);
    expect(missing(all, { safe: 0 }).map((d) => d.name)).toEqual(['tone', 'accuracy']);
  });

  it('typed numbers must fit the range and the step', () => {
    expect(parseTyped(accuracy, ' 6 ')).toEqual({ ok: true, value: 6 });
    expect(parseTyped(accuracy, '7')).toMatchObject({
      ok: false,
      message: expect.stringContaining('steps of 2'),
    });
    expect(parseTyped(accuracy, '12')).toMatchObject({ ok: false });
    expect(parseTyped(accuracy, '-2')).toMatchObject({ ok: false });
    expect(parseTyped(accuracy, '')).toMatchObject({ ok: false });
  });
});
