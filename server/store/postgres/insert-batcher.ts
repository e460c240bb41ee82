/**
 * Group insert: single-request inserts that arrive within one turn of the event loop (16 SDK
 * clients logging at once) are written by one multi-row statement, so PostgreSQL plans, fires
 * its counter triggers and commits once for all of them. Each caller's promise still resolves
 * only after that commit. If the shared statement fails, each request is retried alone, so one
 * bad request never fails its neighbours.
 */
import type { NewRequest } from '../store.ts';

interface Pending {
  request: NewRequest;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/** Requests per shared statement; larger bursts are split. */
export const MAX_GROUP = 64;

export class InsertBatcher {
  private queue: Pending[] = [];

  constructor(private readonly insertMany: (requests: NewRequest[]) => Promise<number[]>) {}

  insert(request: NewRequest): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const pending = this.queue;
    this.queue = [];
    for (let i = 0; i < pending.length; i += MAX_GROUP) void this.write(pending.slice(i, i + MAX_GROUP));
  }

  private async write(group: Pending[]): Promise<void> {
    try {
      const ids = await this.insertMany(group.map((item) => item.request));
      group.forEach((item, i) => {
        const id = ids[i];
        if (id === undefined) item.reject(new Error('insert returned fewer ids than requests'));
        else item.resolve(id);
      });
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // One by one, in arrival order, so ids still ascend in call order.
      for (const item of group) await this.write([item]);
    }
  }
}
