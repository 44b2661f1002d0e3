import type { Role } from '../../shared/api/contract.js';
import { maskIdNo, maskPhone } from '../../shared/model/masking.js';

/**
 * Who sees ID and phone numbers in full: supervisors, and managers for the clients they look after (their scope
 * already limits them to those). Administrators run the system, not the relationship, so they see them masked
 * (3201**********1234). Every screen, export and print asks here.
 */
export function seesFullIdentity(role: Role): boolean {
  return role !== 'admin';
}

/** A client's ID and phone numbers as this role may see them. */
export function identityFor(role: Role, idNo: string | null, phone: string | null): { idNo: string | null; phone: string | null; masked: boolean } {
  const full = seesFullIdentity(role);
  return { idNo: full ? idNo : maskIdNo(idNo), phone: full ? phone : maskPhone(phone), masked: !full };
}
