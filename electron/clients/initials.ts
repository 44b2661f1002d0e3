import { pinyin } from 'pinyin-pro';

/** Upper-case pinyin initials for the client search (张三 → ZS). */
export function nameInitials(name: string): string {
  // Reading the leading character(s) as a surname makes 单, 曾 and 解 come out as S, Z and X.
  return pinyin(name, { pattern: 'first', toneType: 'none', surname: 'head', type: 'array' }).join('').toUpperCase();
}

/** A memoised `nameInitials` for one bulk load (names repeat a lot); dropped with the load. */
export function initialsCache(): (name: string) => string {
  const memo = new Map<string, string>();
  return (name) => {
    let v = memo.get(name);
    if (v === undefined) {
      v = nameInitials(name);
      memo.set(name, v);
    }
    return v;
  };
}
