import crypto from 'node:crypto';
import type { LocalizedText } from '../../shared/i18n/locale.js';

/**
 * Password hashing with scrypt (memory-hard; Node's crypto, no native add-on): N = 2^15, r = 8, p = 1 uses 32 MB
 * and about 100 ms per check on these machines — slow for a guesser, fine for a login. The stored form names its
 * parameters so they can be raised later without breaking older hashes: `scrypt$N$r$p$salt$hash` (base64).
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEM = 64 * 1024 * 1024;

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { N, r: R, p: P, maxmem: MAX_MEM });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || n === undefined || r === undefined || p === undefined || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEM });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash to check against when the user does not exist, so "no such user" takes as long as "wrong password". */
export const DECOY_HASH = hashPassword(crypto.randomBytes(12).toString('hex'));

export const MIN_PASSWORD_LENGTH = 10;

/**
 * The minimum strength: at least 10 characters from at least three of lower case, upper case, digits and other
 * characters (Chinese characters count as other), and not containing the user name.
 */
export function passwordProblem(password: string, username: string): LocalizedText | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`, en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return { zh: '密码须包含小写字母、大写字母、数字、符号中的至少三类', en: 'The password needs three of: lower case, upper case, digits, symbols' };
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return { zh: '密码不能包含用户名', en: 'The password must not contain the user name' };
  return null;
}
