import { pinyin } from 'pinyin-pro';

const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '澹台', '独孤']);

const charMemo = new Map<string, string>();
const surnameMemo = new Map<string, string>();

function charInitial(ch: string): string {
  let v = charMemo.get(ch);
  if (v === undefined) {
    v = pinyin(ch, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toUpperCase();
    charMemo.set(ch, v);
  }
  return v;
}

/** Read as a surname, 单, 曾, 解 and 区 say S, Z, X and O, not their everyday readings. */
function surnameInitials(surname: string): string {
  let v = surnameMemo.get(surname);
  if (v === undefined) {
    v = pinyin(surname, { pattern: 'first', toneType: 'none', surname: 'head', type: 'array' }).join('').toUpperCase();
    surnameMemo.set(surname, v);
  }
  return v;
}

/**
 * Upper-case pinyin initials for the client search (张三 → ZS). Resolved per character and memoised, so a
 * million distinct names cost a few thousand pinyin look-ups instead of a million.
 */
export function nameInitials(name: string): string {
  const chars = [...name];
  if (chars.length === 0) return '';
  const surnameLength = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  let out = surnameInitials(chars.slice(0, surnameLength).join(''));
  for (const ch of chars.slice(surnameLength)) out += charInitial(ch);
  return out;
}
