/**
 * Download links for exports. A browser download cannot send the X-API-KEY header, so the link
 * itself is the credential: `/api/exports/<nonce>?<list query>&_format=…&_exp=…&_sig=…`, signed
 * (HMAC-SHA256) with the API key that asked for it, valid for 60 s, and used once.
 *
 * Any Promptlog process that accepts that key can verify the link, so it works behind a load
 * balancer in front of several servers. "Used once" is remembered per process: across processes
 * a link could be replayed within its 60 seconds.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type ExportFormat, exportFormatSchema } from '../../../contract/api.ts';

export const EXPORT_TOKEN_TTL_MS = 60_000;
const RESERVED = ['_format', '_exp', '_sig', '_by'] as const;
const NONCE = /^[\w-]{16,64}$/;

export interface RedeemedExport {
  format: ExportFormat;
  /** The list query the link was issued for, without the link's own parameters. */
  query: URLSearchParams;
  /** Who asked for the export (for the audit log). */
  actor: string;
}

function canonicalQuery(query: URLSearchParams): string {
  const params = new URLSearchParams(query);
  for (const name of RESERVED) params.delete(name);
  return params.toString();
}

function sign(key: string, nonce: string, format: string, exp: string, query: string, actor: string): Buffer {
  return createHmac('sha256', key)
    .update(`promptlog-export-v2\n${nonce}\n${format}\n${exp}\n${actor}\n${query}`)
    .digest();
}

export class ExportTokens {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly keys: readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the download path (with its query string) for `query`, signed with `signingKey`. */
  issue(format: ExportFormat, query: URLSearchParams, signingKey: string, actor = ''): string {
    const nonce = randomBytes(18).toString('base64url');
    const exp = String(this.now() + EXPORT_TOKEN_TTL_MS);
    const canonical = canonicalQuery(query);
    const sig = sign(signingKey, nonce, format, exp, canonical, actor).toString('base64url');
    const own = new URLSearchParams({ _by: actor, _format: format, _exp: exp, _sig: sig }).toString();
    return `/api/exports/${nonce}?${canonical ? `${canonical}&` : ''}${own}`;
  }

  /**
   * The export, once; undefined when the link is forged, altered, expired or already used.
   * `extraKeys`: signing keys besides the configured ones (the store's shared secret).
   */
  redeem(
    nonce: string,
    params: URLSearchParams,
    extraKeys: readonly string[] = [],
  ): RedeemedExport | undefined {
    this.sweep();
    const format = exportFormatSchema.safeParse(params.get('_format'));
    const exp = params.get('_exp') ?? '';
    const sig = Buffer.from(params.get('_sig') ?? '', 'base64url');
    const expMs = /^\d{1,16}$/.test(exp) ? Number(exp) : 0;
    const now = this.now();
    if (!NONCE.test(nonce) || !format.success || sig.length !== 32) return undefined;
    if (expMs <= now || expMs > now + EXPORT_TOKEN_TTL_MS * 2) return undefined;
    const canonical = canonicalQuery(params);
    const actor = (params.get('_by') ?? '').slice(0, 256);
    let valid = false;
    for (const key of [...this.keys, ...extraKeys]) {
      valid = timingSafeEqual(sign(key, nonce, format.data, exp, canonical, actor), sig) || valid;
    }
    if (!valid || this.used.has(nonce)) return undefined;
    this.used.set(nonce, expMs);
    return { format: format.data, query: new URLSearchParams(canonical), actor };
  }

  private sweep(): void {
    const now = this.now();
    for (const [nonce, expMs] of this.used) if (expMs <= now) this.used.delete(nonce);
  }
}
