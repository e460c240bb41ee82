/**
 * The AuthStore in SQL both adapters run unchanged (plain types, INSERT … RETURNING and
 * ON CONFLICT exist in SQLite and PostgreSQL alike). Each adapter supplies a SqlRunner.
 */
import {
  type Account,
  type AnnotationEvent,
  type ApiKeyInfo,
  type AuditEntry,
  accountSchema,
  apiKeySchema,
} from '../../../contract/auth.ts';
import type {
  AccountPatch,
  AccountWithPassword,
  AuthStore,
  NewAccount,
  NewAnnotationEvent,
  NewApiKey,
} from '../auth-store.ts';
import { join, raw, type Sql, sql } from './fragment.ts';
import type { DbRow } from './rows.ts';

export interface SqlRunner {
  rows(fragment: Sql): Promise<DbRow[]>;
  /** Rows changed. */
  run(fragment: Sql): Promise<number>;
}

/** How an adapter tells other servers on the same database that access was taken away. */
export interface RevocationChannel {
  readonly live: boolean;
  /** Tell the other servers (after the change has committed). */
  publish(): Promise<void>;
  /** Changes published by other servers. */
  subscribe(listener: () => void): void;
}

/** One process, one database file: every change is made here, so local listeners suffice. */
export const LOCAL_ONLY: RevocationChannel = {
  live: true,
  publish: async () => undefined,
  subscribe: () => undefined,
};

/** Columns under their contract names, so a row reads into its contract type by its schema. */
const ACCOUNT_COLUMNS = raw('id, email, name, role, disabled, source, created_ms AS "createdAt"');
const KEY_COLUMNS = raw(
  'id, name, prefix, scope, created_by AS "createdBy", created_ms AS "createdAt", ' +
    'last_used_ms AS "lastUsedAt", expires_ms AS "expiresAt", revoked_ms AS "revokedAt"',
);

const num = (value: unknown): number => Number(value);

/** The row with these columns as numbers (PostgreSQL reads bigint as text); null stays null. */
function withNumbers(row: DbRow, columns: readonly string[]): DbRow {
  const out = { ...row };
  for (const column of columns)
    if (out[column] !== null && out[column] !== undefined) out[column] = num(out[column]);
  return out;
}

const toAccount = (row: DbRow): Account =>
  accountSchema.parse({ ...withNumbers(row, ['id', 'createdAt']), disabled: num(row.disabled) !== 0 });

const toKey = (row: DbRow): ApiKeyInfo =>
  apiKeySchema.parse(withNumbers(row, ['id', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt']));

export class SqlAuthStore implements AuthStore {
  private secret: Promise<string> | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly db: SqlRunner,
    private readonly newSecret: () => string,
    private readonly channel: RevocationChannel = LOCAL_ONLY,
  ) {
    channel.subscribe(() => this.emit());
  }

  get revocationsLive(): boolean {
    return this.channel.live;
  }

  watchRevocations(listener: () => void): void {
    this.listeners.push(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /** After a committed change that takes access away: here at once, elsewhere by the channel. */
  private async revoked<T>(result: T): Promise<T> {
    this.emit();
    await this.channel.publish();
    return result;
  }

  private async one<T>(fragment: Sql, map: (row: DbRow) => T): Promise<T | null> {
    const [row] = await this.db.rows(fragment);
    return row ? map(row) : null;
  }

  async countAccounts(): Promise<number> {
    const [row] = await this.db.rows(sql`SELECT count(*) AS n FROM accounts`);
    return num(row?.n ?? 0);
  }

  createAccount(account: NewAccount, nowMs: number): Promise<Account | null> {
    return this.one(
      sql`INSERT INTO accounts (email, name, role, password_hash, disabled, source, created_ms)
        VALUES (${account.email}, ${account.name}, ${account.role}, ${account.passwordHash}, 0, ${account.source}, ${nowMs})
        ON CONFLICT (email) DO NOTHING RETURNING ${ACCOUNT_COLUMNS}`,
      toAccount,
    );
  }

  createFirstAccount(account: NewAccount, nowMs: number): Promise<Account | null> {
    return this.one(
      sql`INSERT INTO accounts (email, name, role, password_hash, disabled, source, created_ms)
        SELECT ${account.email}, ${account.name}, ${account.role}, CAST(${account.passwordHash} AS TEXT), 0, ${account.source}, ${nowMs}
        WHERE NOT EXISTS (SELECT 1 FROM accounts)
        ON CONFLICT (email) DO NOTHING RETURNING ${ACCOUNT_COLUMNS}`,
      toAccount,
    );
  }

  findAccountByEmail(email: string): Promise<AccountWithPassword | null> {
    return this.one(
      sql`SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = ${email}`,
      (row) => ({
        ...toAccount(row),
        passwordHash: row.password_hash === null ? null : String(row.password_hash),
      }),
    );
  }

  getAccount(id: number): Promise<Account | null> {
    return this.one(sql`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ${id}`, toAccount);
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.db.rows(sql`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY id`)).map(toAccount);
  }

  async updateAccount(id: number, patch: AccountPatch): Promise<Account | null> {
    const sets: Sql[] = [];
    if (patch.name !== undefined) sets.push(sql`name = ${patch.name}`);
    if (patch.role !== undefined) sets.push(sql`role = ${patch.role}`);
    if (patch.disabled !== undefined) sets.push(sql`disabled = ${patch.disabled ? 1 : 0}`);
    if (patch.passwordHash !== undefined) sets.push(sql`password_hash = ${patch.passwordHash}`);
    if (sets.length === 0) return this.getAccount(id);
    return this.revoked(
      await this.one(
        sql`UPDATE accounts SET ${join(sets, ', ')} WHERE id = ${id} RETURNING ${ACCOUNT_COLUMNS}`,
        toAccount,
      ),
    );
  }

  async createSession(tokenHash: string, accountId: number, nowMs: number, expiresMs: number): Promise<void> {
    await this.db.run(sql`DELETE FROM sessions WHERE expires_ms <= ${nowMs}`);
    await this.db.run(
      sql`INSERT INTO sessions (token_hash, account_id, created_ms, expires_ms)
        VALUES (${tokenHash}, ${accountId}, ${nowMs}, ${expiresMs})`,
    );
  }

  findSession(tokenHash: string, nowMs: number): Promise<{ account: Account; expiresAt: number } | null> {
    return this.one(
      sql`SELECT a.id, a.email, a.name, a.role, a.disabled, a.source, a.created_ms AS "createdAt", s.expires_ms
        FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.token_hash = ${tokenHash} AND s.expires_ms > ${nowMs}`,
      (row) => ({ account: toAccount(row), expiresAt: num(row.expires_ms) }),
    );
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.revoked(await this.db.run(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`));
  }

  async deleteAccountSessions(accountId: number): Promise<void> {
    await this.revoked(await this.db.run(sql`DELETE FROM sessions WHERE account_id = ${accountId}`));
  }

  async createKey(key: NewApiKey, nowMs: number): Promise<ApiKeyInfo> {
    const created = await this.one(
      sql`INSERT INTO api_keys (name, key_hash, prefix, scope, created_by, created_ms, expires_ms)
        VALUES (${key.name}, ${key.keyHash}, ${key.prefix}, ${key.scope}, ${key.createdBy}, ${nowMs}, ${key.expiresAt})
        RETURNING ${KEY_COLUMNS}`,
      toKey,
    );
    if (!created) throw new Error('api key insert returned no row');
    return created;
  }

  findKeyByHash(keyHash: string): Promise<ApiKeyInfo | null> {
    return this.one(sql`SELECT ${KEY_COLUMNS} FROM api_keys WHERE key_hash = ${keyHash}`, toKey);
  }

  async listKeys(): Promise<ApiKeyInfo[]> {
    return (await this.db.rows(sql`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY id DESC`)).map(toKey);
  }

  async revokeKey(id: number, nowMs: number): Promise<ApiKeyInfo | null> {
    return this.revoked(
      await this.one(
        sql`UPDATE api_keys SET revoked_ms = coalesce(revoked_ms, ${nowMs}) WHERE id = ${id} RETURNING ${KEY_COLUMNS}`,
        toKey,
      ),
    );
  }

  async touchKey(id: number, nowMs: number): Promise<void> {
    await this.db.run(sql`UPDATE api_keys SET last_used_ms = ${nowMs} WHERE id = ${id}`);
  }

  async addSetupToken(tokenHash: string, nowMs: number): Promise<void> {
    await this.db.run(sql`INSERT INTO setup_tokens (token_hash, created_ms) VALUES (${tokenHash}, ${nowMs})`);
  }

  async consumeSetupToken(tokenHash: string): Promise<boolean> {
    return (await this.db.run(sql`DELETE FROM setup_tokens WHERE token_hash = ${tokenHash}`)) > 0;
  }

  serverSecret(): Promise<string> {
    this.secret ??= (async () => {
      await this.db.run(
        sql`INSERT INTO auth_secret (id, secret) VALUES (1, ${this.newSecret()}) ON CONFLICT (id) DO NOTHING`,
      );
      const [row] = await this.db.rows(sql`SELECT secret FROM auth_secret WHERE id = 1`);
      return String(row?.secret);
    })().catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return this.secret;
  }

  async recordAnnotation(event: NewAnnotationEvent): Promise<void> {
    await this.db.run(
      sql`INSERT INTO annotation_events (request_id, kind, name, value, actor, at_ms)
        SELECT ${event.requestId}, ${event.kind}, ${event.name}, CAST(${event.value} AS TEXT), ${event.actor}, ${event.at}
        WHERE EXISTS (SELECT 1 FROM requests WHERE id = ${event.requestId})`,
    );
  }

  async annotationHistory(requestId: number, limit: number): Promise<AnnotationEvent[]> {
    const rows = await this.db.rows(
      sql`SELECT id, kind, name, value, actor, at_ms FROM annotation_events
        WHERE request_id = ${requestId} ORDER BY id DESC LIMIT ${limit}`,
    );
    return rows.map((row) => ({
      id: num(row.id),
      kind: row.kind as AnnotationEvent['kind'],
      name: String(row.name),
      value: row.value === null ? null : String(row.value),
      actor: String(row.actor),
      at: num(row.at_ms),
    }));
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.db.run(
      sql`INSERT INTO audit_log (at_ms, actor, action, detail)
        VALUES (${entry.at}, ${entry.actor}, ${entry.action}, ${JSON.stringify(entry.detail)})`,
    );
  }

  async listAudit(beforeId: number | null, limit: number): Promise<AuditEntry[]> {
    const before = beforeId === null ? raw('') : sql`WHERE id < ${beforeId}`;
    const rows = await this.db.rows(
      sql`SELECT id, at_ms, actor, action, detail FROM audit_log ${before} ORDER BY id DESC LIMIT ${limit}`,
    );
    return rows.map((row) => ({
      id: num(row.id),
      at: num(row.at_ms),
      actor: String(row.actor),
      action: String(row.action),
      detail: JSON.parse(String(row.detail)) as Record<string, unknown>,
    }));
  }
}
