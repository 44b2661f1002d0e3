/** Masks an ID number to its first 4 and last 4 characters: 3201**********1234. */
export function maskIdNo(idNo: string | null): string | null {
  if (idNo === null || idNo === '') return idNo;
  if (idNo.length <= 8) return '*'.repeat(idNo.length);
  return `${idNo.slice(0, 4)}${'*'.repeat(idNo.length - 8)}${idNo.slice(-4)}`;
}

/** Masks a mobile number to its first 3 and last 4 digits: 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null || phone === '') return phone;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
