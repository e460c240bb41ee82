import { describe, expect, it } from 'vitest';
import { parseScoreInput } from './score-form.ts';

describe('parseScoreInput', () => {
  it.each(['0', '100', ' 42 ', '007'])('accepts %s', (value) => {
    expect(parseScoreInput('default', value)).toMatchObject({ ok: true, name: 'default' });
  });
  it.each(['101', '-1', '85.5', 'abc', '', '1e2', '0x10'])('refuses %s', (value) => {
    expect(parseScoreInput('default', value)).toEqual({
      ok: false,
      field: 'value',
      message: 'A score is a whole number from 0 to 100.',
    });
  });
  it('needs a name', () => {
    expect(parseScoreInput('  ', '5')).toMatchObject({ ok: false, field: 'name' });
    expect(parseScoreInput('x'.repeat(257), '5')).toMatchObject({ ok: false, field: 'name' });
  });
});
