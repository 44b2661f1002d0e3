import type { Gender } from './formats.js';
import type { Rng } from './rng.js';
import { drawFrom, weightedTable } from './rng.js';

/** GB 11643-1999 check digit weights and the mod-11 remainder → check character map. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '?';
}

/** True when the number has 18 characters, a real birth date and a correct check character. */
export function isValidIdNo(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idCheckChar(id.slice(0, 17)) === id[17];
}

/** The 17th digit is odd for men, even for women. */
export function genderOfIdNo(id: string): Gender {
  return (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
}

/**
 * Administrative codes of the birth registration: mostly Nanjing districts (including 白下 and
 * 下关, abolished in 2013 but still on older cards), other Jiangsu cities, and a few neighbours.
 */
const REGIONS = weightedTable<string>([
  ['320102', 8], ['320103', 4], ['320104', 7], ['320105', 5], ['320106', 9], ['320107', 3], ['320111', 8],
  ['320113', 5], ['320114', 4], ['320115', 10], ['320116', 3], ['320117', 2], ['320118', 2], ['320124', 2],
  ['320205', 1], ['320211', 1], ['320302', 2], ['320311', 1], ['320402', 1], ['320411', 1], ['320505', 1],
  ['320506', 1], ['320602', 1], ['320623', 1], ['320703', 1], ['320803', 2], ['320902', 2], ['320923', 1],
  ['321002', 2], ['321081', 1], ['321102', 2], ['321183', 1], ['321202', 1], ['321302', 2], ['321322', 1],
  ['340104', 1], ['341102', 1], ['370102', 0.5], ['410105', 0.5], ['330106', 0.5], ['310104', 0.5],
]);

/** The region codes a generated ID number can start with. */
export function idRegionCodes(): readonly string[] {
  return REGIONS.values;
}

export function idRegion(rng: Rng, preferred: string | null): string {
  return preferred !== null && rng.chance(0.3) ? preferred : drawFrom(rng, REGIONS);
}

/**
 * An 18-digit resident ID number: region, birth date, a 3-digit sequence whose last digit is odd
 * for men and even for women, and the check character. `sequence` is taken modulo 500.
 */
export function makeIdNo(region: string, birthCompact: string, sequence: number, gender: Gender): string {
  const seq = (Math.abs(Math.floor(sequence)) % 500) * 2 + (gender === 'M' ? 1 : 0);
  const first17 = `${region}${birthCompact}${seq.toString().padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

// Mainland mobile number segments in common use (China Mobile, Unicom, Telecom, Broadnet).
const MOBILE_PREFIXES = weightedTable<string>([
  ['130', 3], ['131', 3], ['132', 3], ['133', 3], ['134', 3], ['135', 6], ['136', 5], ['137', 5], ['138', 7],
  ['139', 7], ['150', 4], ['151', 4], ['152', 3], ['153', 2], ['155', 2], ['156', 2], ['157', 2], ['158', 4],
  ['159', 4], ['170', 1], ['173', 1], ['176', 2], ['177', 2], ['178', 1], ['180', 2], ['181', 2], ['182', 3],
  ['183', 2], ['184', 1], ['185', 2], ['186', 3], ['187', 3], ['188', 2], ['189', 3], ['191', 1], ['193', 1],
  ['195', 1], ['198', 2], ['199', 2],
]);

export function mobileNumber(rng: Rng): string {
  return drawFrom(rng, MOBILE_PREFIXES) + rng.int(0, 99_999_999).toString().padStart(8, '0');
}

export function isPlausibleMobile(phone: string): boolean {
  return /^1\d{10}$/.test(phone) && MOBILE_PREFIXES.values.includes(phone.slice(0, 3));
}

/** Luhn check digit, as on bank card numbers. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return ((10 - (sum % 10)) % 10).toString();
}

export function isValidLuhn(number: string): boolean {
  return /^\d+$/.test(number) && luhnDigit(number.slice(0, -1)) === number.slice(-1);
}
