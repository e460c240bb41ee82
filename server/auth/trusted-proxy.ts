/**
 * Sign-in by an identity-aware proxy (oauth2-proxy, Cloudflare Access, Pomerium): the header it
 * sets is believed only on connections whose peer address is inside PROMPTLOG_TRUSTED_PROXIES.
 * The peer is the TCP socket's address, never X-Forwarded-For (which any client can write).
 */
import { BlockList, isIP } from 'node:net';

export interface TrustedProxyConfig {
  /** Lower-case header name, e.g. x-forwarded-email. */
  header: string;
  cidrs: readonly string[];
}

export class TrustedProxies {
  private readonly list = new BlockList();

  constructor(cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      const [address = '', prefix] = cidr.split('/');
      const family = isIP(address);
      if (family === 0) throw new Error(`PROMPTLOG_TRUSTED_PROXIES: "${cidr}" is not an address or CIDR`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128))
        throw new Error(`PROMPTLOG_TRUSTED_PROXIES: "${cidr}" has a bad prefix length`);
      this.list.addSubnet(address, bits, type);
    }
  }

  has(address: string | undefined): boolean {
    if (!address) return false;
    // An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d.
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (v4) return this.list.check(v4, 'ipv4');
    const family = isIP(address);
    if (family === 0) return false;
    return this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

export function parseCidrList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
