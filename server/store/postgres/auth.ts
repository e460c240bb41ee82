/**
 * The shared auth SQL on this adapter's pool, plus revocations across servers: a change that
 * takes access away is announced with NOTIFY, and every server LISTENs on its own connection and
 * drops its cached lookups. While that connection is down, `live` is false and servers stop
 * caching, so a revoked key or ended session is refused on the very next request everywhere.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { AuthStore } from '../auth-store.ts';
import { type RevocationChannel, SqlAuthStore } from '../sql/auth-store.ts';
import { sql } from '../sql/fragment.ts';
import type { Connection } from './connection.ts';

const CHANNEL = 'promptlog_auth';
const RECONNECT_MS = 1000;

class NotifyChannel implements RevocationChannel {
  live = false;
  private client: pg.Client | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {}

  async publish(): Promise<void> {
    await this.connection.query(sql`SELECT pg_notify(${CHANNEL}, '')`);
  }

  subscribe(listener: () => void): void {
    this.listeners.push(listener);
    if (!this.client && !this.timer) void this.listen();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.connection.pool.options, application_name: 'promptlog-auth' });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.live = false;
      this.client = null;
      client.end().catch(() => undefined);
      // Anything may have been revoked while we were not listening.
      this.emit();
      if (!this.closed) {
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.listen();
        }, RECONNECT_MS);
        this.timer.unref();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.emit());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.client === client) this.live = true;
    } catch {
      lost();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

export function postgresAuthStore(connection: Connection): { auth: AuthStore; close: () => Promise<void> } {
  const channel = new NotifyChannel(connection);
  const auth = new SqlAuthStore(
    {
      rows: async (fragment) => (await connection.query(fragment)).rows,
      run: async (fragment) => (await connection.query(fragment)).rowCount ?? 0,
    },
    () => randomBytes(32).toString('base64url'),
    channel,
  );
  return { auth, close: () => channel.close() };
}
