/**
 * Turns credentials into a Principal: a configured key (constant-time, in memory), a stored key,
 * a session cookie, or a trusted proxy's header. Stored keys and sessions are cached by digest
 * only while the store guarantees revocations reach us (store.auth.revocationsLive); any
 * revocation empties the cache.
 */
import type { Role } from '../../contract/auth.ts';
import type { AuthStore } from '../store/auth-store.ts';
import type { ConfiguredKeyMatcher } from './api-keys.ts';
import { accountPrincipal, keyPrincipal, type Principal } from './principal.ts';
import { tokenDigest } from './secrets.ts';
import type { TrustedProxies } from './trusted-proxy.ts';

const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;
const TOUCH_EVERY_MS = 60_000;

export interface ProxySignIn {
  header: string;
  proxies: TrustedProxies;
  defaultRole: Role;
}

interface Cached {
  principal: Principal | null;
  /** When the cached answer stops being usable (cache age, key expiry or session expiry). */
  until: number;
}

export class Authenticator {
  private readonly cache = new Map<string, Cached>();
  private readonly touched = new Map<number, number>();
  /** Bumped by every revocation, so a lookup that started before one is not cached after it. */
  private generation = 0;

  constructor(
    private readonly auth: AuthStore,
    private readonly matchConfigured: ConfiguredKeyMatcher,
    readonly proxy: ProxySignIn | null,
    private readonly now: () => number = Date.now,
  ) {
    auth.watchRevocations(() => {
      this.generation += 1;
      this.cache.clear();
    });
  }

  /** Configured keys only: synchronous, no store round trip. */
  configuredKey(candidate: string): Principal | undefined {
    const entry = this.matchConfigured(candidate);
    return entry && keyPrincipal(null, entry.name, entry.scope);
  }

  async storedKey(candidate: string): Promise<Principal | null> {
    const digest = tokenDigest(candidate);
    const principal = await this.cached(`k:${digest}`, async (now) => {
      const key = await this.auth.findKeyByHash(digest);
      if (!key || key.revokedAt !== null || (key.expiresAt !== null && key.expiresAt <= now))
        return { principal: null, until: now + CACHE_MS };
      return {
        principal: keyPrincipal(key.id, key.name, key.scope),
        until: Math.min(now + CACHE_MS, key.expiresAt ?? Number.POSITIVE_INFINITY),
      };
    });
    if (principal?.id != null) this.touch(principal.id);
    return principal;
  }

  async key(candidate: string): Promise<Principal | null> {
    return this.configuredKey(candidate) ?? (await this.storedKey(candidate));
  }

  session(token: string): Promise<Principal | null> {
    const digest = tokenDigest(token);
    return this.cached(`s:${digest}`, async (now) => {
      const session = await this.auth.findSession(digest, now);
      if (!session || session.account.disabled) return { principal: null, until: now + CACHE_MS };
      return {
        principal: accountPrincipal(session.account, 'session', digest),
        until: Math.min(now + CACHE_MS, session.expiresAt),
      };
    });
  }

  /** The person a trusted proxy vouches for, created on first sight with the default role. */
  async proxied(email: string): Promise<Principal | null> {
    const normalized = email.trim().toLowerCase();
    if (normalized === '' || normalized.length > 254) return null;
    return this.cached(`p:${normalized}`, async (now) => {
      const account =
        (await this.auth.findAccountByEmail(normalized)) ??
        (await this.auth.createAccount(
          {
            email: normalized,
            name: normalized.split('@')[0] || normalized,
            role: this.proxy?.defaultRole ?? 'viewer',
            passwordHash: null,
            source: 'proxy',
          },
          now,
        )) ??
        (await this.auth.findAccountByEmail(normalized));
      if (!account || account.disabled) return { principal: null, until: now + CACHE_MS };
      return { principal: accountPrincipal(account, 'proxy'), until: now + CACHE_MS };
    });
  }

  private async cached(id: string, load: (now: number) => Promise<Cached>): Promise<Principal | null> {
    const now = this.now();
    const useCache = this.auth.revocationsLive;
    const hit = useCache ? this.cache.get(id) : undefined;
    if (hit && hit.until > now) return hit.principal;
    const generation = this.generation;
    const fresh = await load(now);
    if (useCache && generation === this.generation) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(id, fresh);
    }
    return fresh.principal;
  }

  /** last-used, written at most once a minute per key per server. */
  private touch(id: number): void {
    const now = this.now();
    const last = this.touched.get(id);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    this.auth.touchKey(id, now).catch(() => this.touched.delete(id));
  }
}
