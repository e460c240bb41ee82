/**
 * Storage for accounts, sessions, scoped API keys, setup tokens, annotation history and the
 * audit log. Both adapters expose one as `store.auth` (the SQL is shared: sql/auth-store.ts).
 * Secrets are never stored: sessions, keys and setup tokens by SHA-256, passwords by scrypt.
 */
import type {
  Account,
  AnnotationEvent,
  ApiKeyInfo,
  AuditEntry,
  KeyScope,
  Role,
} from '../../contract/auth.ts';

export interface AccountWithPassword extends Account {
  passwordHash: string | null;
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  source: Account['source'];
}

export interface AccountPatch {
  name?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
}

export interface NewApiKey {
  name: string;
  keyHash: string;
  prefix: string;
  scope: KeyScope;
  createdBy: string;
  expiresAt: number | null;
}

export interface NewAnnotationEvent extends Omit<AnnotationEvent, 'id'> {
  requestId: number;
}

export interface AuthStore {
  /**
   * Calls `listener` after any change that can take access away (revoked key, ended session,
   * role change, disabled account), made here or, on PostgreSQL, by another server.
   */
  watchRevocations(listener: () => void): void;
  /** True while every such change is sure to reach watchRevocations, so caching lookups is safe. */
  readonly revocationsLive: boolean;

  countAccounts(): Promise<number>;
  /** null when the email is taken. */
  createAccount(account: NewAccount, nowMs: number): Promise<Account | null>;
  /** Creates it only while there is no account at all (first admin); null otherwise. */
  createFirstAccount(account: NewAccount, nowMs: number): Promise<Account | null>;
  findAccountByEmail(email: string): Promise<AccountWithPassword | null>;
  getAccount(id: number): Promise<Account | null>;
  listAccounts(): Promise<Account[]>;
  updateAccount(id: number, patch: AccountPatch): Promise<Account | null>;

  createSession(tokenHash: string, accountId: number, nowMs: number, expiresMs: number): Promise<void>;
  /** The session's account, when the session exists and has not expired. */
  findSession(tokenHash: string, nowMs: number): Promise<{ account: Account; expiresAt: number } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteAccountSessions(accountId: number): Promise<void>;

  createKey(key: NewApiKey, nowMs: number): Promise<ApiKeyInfo>;
  findKeyByHash(keyHash: string): Promise<ApiKeyInfo | null>;
  listKeys(): Promise<ApiKeyInfo[]>;
  /** null when there is no such key; a key already revoked keeps its first revocation time. */
  revokeKey(id: number, nowMs: number): Promise<ApiKeyInfo | null>;
  touchKey(id: number, nowMs: number): Promise<void>;

  addSetupToken(tokenHash: string, nowMs: number): Promise<void>;
  /** Deletes the token; true when it existed. */
  consumeSetupToken(tokenHash: string): Promise<boolean>;
  /** A random secret shared by every server on this store (created on first use). */
  serverSecret(): Promise<string>;

  recordAnnotation(event: NewAnnotationEvent): Promise<void>;
  annotationHistory(requestId: number, limit: number): Promise<AnnotationEvent[]>;

  /** The app only ever appends; the schema refuses updates and deletes. */
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  listAudit(beforeId: number | null, limit: number): Promise<AuditEntry[]>;
}
