/**
 * Which rows of a table are selected, kept outside React state: each row's checkbox subscribes to
 * its own id (useSyncExternalStore), so a toggle re-renders that one checkbox, the header box
 * and whoever reads the count, never every row. Ids are the table's row ids (getRowId).
 */
export class RowSelection {
  private selected = new Set<string>();
  /** The last row clicked or toggled: a shift-click selects from here. */
  private anchor: string | null = null;
  private listeners = new Set<() => void>();
  private version = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes on every change of the selection (a snapshot for counts and lists). */
  getVersion = (): number => this.version;

  has(id: string): boolean {
    return this.selected.has(id);
  }

  get size(): number {
    return this.selected.size;
  }

  ids(): string[] {
    return [...this.selected];
  }

  toggle(id: string): void {
    if (!this.selected.delete(id)) this.selected.add(id);
    this.anchor = id;
    this.changed();
  }

  /**
   * Shift-click: every row between the anchor and `id` (in `order`, the rows as shown) takes the
   * state `id` is toggled to. Without an anchor still in `order`, it is a plain toggle.
   */
  toggleRange(order: readonly string[], id: string): void {
    const from = this.anchor === null ? -1 : order.indexOf(this.anchor);
    const to = order.indexOf(id);
    if (from === -1 || to === -1) {
      this.toggle(id);
      return;
    }
    const select = !this.selected.has(id);
    const [low, high] = from < to ? [from, to] : [to, from];
    for (const rowId of order.slice(low, high + 1)) {
      if (select) this.selected.add(rowId);
      else this.selected.delete(rowId);
    }
    this.anchor = id;
    this.changed();
  }

  /** The header checkbox: select all of `ids`, or, when all of them already are, unselect them. */
  toggleAll(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const all = this.countOf(ids) === ids.length;
    for (const id of ids) {
      if (all) this.selected.delete(id);
      else this.selected.add(id);
    }
    this.changed();
  }

  /** How many of `ids` are selected. */
  countOf(ids: readonly string[]): number {
    if (this.selected.size === 0) return 0;
    let count = 0;
    for (const id of ids) if (this.selected.has(id)) count += 1;
    return count;
  }

  /** Drops ids that are no longer there (e.g. deleted rows). */
  remove(ids: readonly string[]): void {
    const before = this.selected.size;
    for (const id of ids) this.selected.delete(id);
    if (this.selected.size !== before) this.changed();
  }

  clear(): void {
    if (this.selected.size === 0 && this.anchor === null) return;
    this.selected = new Set();
    this.anchor = null;
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
