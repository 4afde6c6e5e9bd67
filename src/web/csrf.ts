/**
 * CSRF protection, synchroniser-token pattern. A signed-in session has its own secret (stored
 * with the session); a visitor without one gets a random secret in the HttpOnly `gk_csrf`
 * cookie (the login form needs protection too). Forms carry a token derived from the secret:
 * a fresh salt and HMAC-SHA256(secret, salt), so the token differs on every page (no BREACH
 * oracle) and the secret never appears in a page.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The form field (and header `x-csrf-token`) that carries the token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A new random secret (for a visitor without a session). */
export function newCsrfSecret(): string {
  return randomBytes(32).toString('base64url');
}

const mac = (secret: string, salt: string) => createHmac('sha256', secret).update(salt).digest('base64url');

/** A token for the secret, to embed in a form as `_csrf`. */
export function createCsrfToken(secret: string): string {
  const salt = randomBytes(12).toString('base64url');
  return `${salt}.${mac(secret, salt)}`;
}

/** True when the token was made from the secret; compares in constant time. */
export function isValidCsrfToken(secret: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 200) return false;
  const dot = token.indexOf('.');
  if (dot <= 0) return false;
  const expected = Buffer.from(mac(secret, token.slice(0, dot)));
  const given = Buffer.from(token.slice(dot + 1));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
