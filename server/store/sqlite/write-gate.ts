/**
 * Lets the checkpointer hold new write transactions for a moment (see checkpointer.ts). While
 * held, queued inserts wait in the store's queue and other writes wait here; reads go on.
 */
import type { WriteHold } from './checkpointer.ts';

export class WriteGate implements WriteHold {
  private held = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly onRelease: () => void) {}

  get isHeld(): boolean {
    return this.held;
  }

  hold(): void {
    this.held = true;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
    this.onRelease();
  }

  /** Resolves at once when writes are not held. */
  open(): Promise<void> | undefined {
    if (!this.held) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
