import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time.ts';

describe('isoTime', () => {
  it('equals Date#toISOString across days, years, leap days, epoch edges and extended years', () => {
    const samples = [
      0, 1, -1, 999, 1000, 59_999, 86_399_999, 86_400_000, -86_400_000, -86_400_001, 951_782_400_000,
      1_709_164_800_000, 1_795_629_382_821, 253_402_300_799_999, 253_402_300_800_000, -62_167_219_200_001,
      8.64e15, -8.64e15,
    ];
    let seed = 12345;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      samples.push(Math.round((seed / 2_147_483_648 - 0.3) * 4e12));
    }
    for (const ms of samples) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('behaves like Date for values Date truncates or refuses', () => {
    expect(isoTime(1.7)).toBe(new Date(1.7).toISOString());
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
