/**
 * Money is integer fen (分) everywhere. These helpers format for display only;
 * no arithmetic on amounts passes through floating point here.
 */
export function formatFen(fen: number | bigint, opts: { withUnit?: boolean } = {}): string {
  const big = BigInt(fen);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}${opts.withUnit === true ? ' 元' : ''}`;
}

/** Parses "1,234.56" / "-0.5" / "12" into integer fen; returns null when the text is not an amount. */
export function parseYuanToFen(text: string): number | null {
  const m = /^\s*([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (m === null) return null;
  const whole = (m[2] ?? '0').replaceAll(',', '');
  const frac = (m[3] ?? '').padEnd(2, '0');
  const fen = BigInt(whole) * 100n + BigInt(frac === '' ? '0' : frac);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(m[1] === '-' ? -fen : fen);
}

/** 万元 with one decimal (rounded half away from zero), for chart axes and cards: 12,345,678 fen → "12.3". */
export function formatWan(fen: number | bigint): string {
  const big = BigInt(fen);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const tenths = (abs + 50_000n) / 100_000n;
  const whole = (tenths / 10n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative && tenths !== 0n ? '-' : ''}${whole}.${(tenths % 10n).toString()}`;
}
