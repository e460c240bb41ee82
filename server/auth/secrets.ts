/** Random tokens (session cookies, API keys, setup links) and the digests stored in their place. */
import { hash, randomBytes } from 'node:crypto';

export const newToken = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/** High-entropy tokens need no salt: an unsalted SHA-256 keeps the lookup one index probe. */
export const tokenDigest = (token: string): string => hash('sha256', token, 'hex');
