import { describe, expect, it } from 'vitest';
import { clampWidth, DRAWER_MIN_WIDTH } from './use-drawer-width.ts';

describe('clampWidth', () => {
  it('keeps the drawer between its minimum and the window minus room for the table', () => {
    expect(clampWidth(100, 1440)).toBe(DRAWER_MIN_WIDTH);
    expect(clampWidth(700.4, 1440)).toBe(700);
    expect(clampWidth(5000, 1440)).toBe(1440 - 160);
    // A window narrower than minimum + table room still gets a usable drawer.
    expect(clampWidth(5000, 400)).toBe(DRAWER_MIN_WIDTH);
  });
});
