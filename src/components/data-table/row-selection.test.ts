import { describe, expect, it, vi } from 'vitest';
import { RowSelection } from './row-selection.ts';

const order = ['1', '2', '3', '4', '5', '6'];

describe('RowSelection', () => {
  it('toggles one id and tells subscribers', () => {
    const selection = new RowSelection();
    const listener = vi.fn();
    selection.subscribe(listener);
    selection.toggle('2');
    expect(selection.has('2')).toBe(true);
    selection.toggle('2');
    expect(selection.has('2')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(selection.getVersion()).toBe(2);
  });

  it('selects a range from the anchor, in the shown order, either direction', () => {
    const selection = new RowSelection();
    selection.toggle('2');
    selection.toggleRange(order, '5');
    expect(selection.ids().sort()).toEqual(['2', '3', '4', '5']);
    // The anchor moved to 5: a range back to 4 unselects 4..5 (4's new state is "off").
    selection.toggleRange(order, '4');
    expect(selection.ids().sort()).toEqual(['2', '3']);
    selection.toggleRange(order, '1');
    expect(selection.ids().sort()).toEqual(['1', '2', '3', '4']);
  });

  it('a range without an anchor (or with one no longer shown) is a plain toggle', () => {
    const selection = new RowSelection();
    selection.toggleRange(order, '3');
    expect(selection.ids()).toEqual(['3']);
    selection.toggle('gone');
    selection.toggleRange(order, '5');
    expect(selection.ids().sort()).toEqual(['3', '5', 'gone']);
  });

  it('toggleAll selects the given ids, or unselects them when all are selected', () => {
    const selection = new RowSelection();
    selection.toggle('9');
    selection.toggle('2');
    selection.toggleAll(order);
    expect(selection.countOf(order)).toBe(6);
    expect(selection.size).toBe(7);
    selection.toggleAll(order);
    expect(selection.ids()).toEqual(['9']);
  });

  it('clear empties it and forgets the anchor; remove drops ids; no-ops do not notify', () => {
    const selection = new RowSelection();
    const listener = vi.fn();
    selection.subscribe(listener);
    selection.clear();
    selection.remove(['1']);
    selection.toggleAll([]);
    expect(listener).not.toHaveBeenCalled();
    selection.toggleAll(['1', '2', '3']);
    selection.remove(['2', 'x']);
    expect(selection.ids()).toEqual(['1', '3']);
    selection.clear();
    expect(selection.size).toBe(0);
    selection.toggleRange(order, '4');
    expect(selection.ids()).toEqual(['4']);
  });
});
