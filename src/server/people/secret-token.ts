import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe token (256 bits) given to the browser or put in an e-mailed link. */
export function createSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as HMAC-SHA256 under SESSION_SECRET: a database leak yields no usable token. */
export function hashSecretToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
