/**
 * Short-lived, single-use download tokens for exports. The token is the credential for the
 * download (a browser download cannot send the X-API-KEY header), so it is random, expires in
 * 60 s and works once. Held in this process's memory: behind a load balancer, the download must
 * reach the instance that issued it (sticky sessions) — see the README.
 */
import { randomBytes } from 'node:crypto';
import type { ExportFormat, ListQuery } from '../../../contract/api.ts';

export interface PendingExport {
  format: ExportFormat;
  query: ListQuery;
}

export const EXPORT_TOKEN_TTL_MS = 60_000;

export class ExportTokens {
  private readonly pending = new Map<string, PendingExport & { expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(entry: PendingExport): string {
    this.sweep();
    const token = randomBytes(24).toString('base64url');
    this.pending.set(token, { ...entry, expiresAt: this.now() + EXPORT_TOKEN_TTL_MS });
    return token;
  }

  /** Returns the export once; later calls, and calls after expiry, get undefined. */
  redeem(token: string): PendingExport | undefined {
    const entry = this.pending.get(token);
    if (!entry) return undefined;
    this.pending.delete(token);
    if (entry.expiresAt <= this.now()) return undefined;
    return { format: entry.format, query: entry.query };
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(token);
  }
}
