/**
 * The arithmetic of the dashboard's SVG charts, kept apart from the drawing so it can be tested: scales over a
 * domain that always contains zero, "nice" upper bounds, bar extents and where a value label fits. Only layout
 * goes through floats here; the figures shown are formatted from the exact integers by the callers.
 */

export interface Domain {
  min: number;
  max: number;
}

/**
 * The smallest multiple of `step` at or above `value` (at least `floor`): completion axes end on a round share
 * (100 %, 120 %, 140 % …) that holds every bar and marker.
 */
export function niceCeil(value: number, step: number, floor = 0): number {
  if (!Number.isFinite(value) || step <= 0) return floor;
  return Math.max(floor, Math.ceil(value / step) * step);
}

/** The largest multiple of `step` at or below `value` (at most 0), for negative bars (a 净增 that shrank). */
export function niceFloor(value: number, step: number): number {
  if (!Number.isFinite(value) || step <= 0 || value >= 0) return 0;
  return Math.floor(value / step) * step;
}

/** A domain holding zero and every value, rounded out to `step`; at least [0, floor]. */
export function domainOf(values: readonly number[], step: number, floor: number): Domain {
  const finite = values.filter((v) => Number.isFinite(v));
  return { min: niceFloor(Math.min(0, ...finite), step), max: niceCeil(Math.max(0, ...finite), step, floor) };
}

/** x of a value on a track [x0, x0 + width] over the domain, clamped to the track. */
export function scaleX(value: number, domain: Domain, x0: number, width: number): number {
  const span = domain.max - domain.min;
  if (span <= 0) return x0;
  const t = (value - domain.min) / span;
  return x0 + Math.max(0, Math.min(1, t)) * width;
}

export interface BarExtent {
  /** Left edge and width of the bar, drawn from zero towards the value. */
  x: number;
  width: number;
  /** The value lies beyond the domain and the bar is cut at its edge. */
  clipped: boolean;
  negative: boolean;
}

export function barExtent(value: number, domain: Domain, x0: number, width: number): BarExtent {
  const zero = scaleX(0, domain, x0, width);
  const end = scaleX(value, domain, x0, width);
  return { x: Math.min(zero, end), width: Math.abs(end - zero), clipped: value > domain.max || value < domain.min, negative: value < 0 };
}

/** Rough width of a label in SVG units: CJK characters count double, everything else one average digit. */
export function labelWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return units * fontSize;
}

/** The label cut to fit `maxWidth` (with an ellipsis), so a long name never runs into the bars. */
export function fitLabel(text: string, fontSize: number, maxWidth: number): string {
  if (labelWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && labelWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/** A share of the chart's width, kept between a floor and a ceiling (label columns on narrow and wide cards). */
export function column(width: number, share: number, min: number, max: number): number {
  return Math.round(Math.max(min, Math.min(max, width * share)));
}

/**
 * Where a bar's value label goes: just after the bar's end when it fits (the charts keep room for it after the
 * track), else inside the bar (right aligned, on the bar's fill); after the zero line for a negative bar.
 */
export function valueLabel(bar: BarExtent, text: string, fontSize: number, x0: number, width: number): { x: number; anchor: 'start' | 'end'; inside: boolean } {
  const w = labelWidth(text, fontSize) + 4;
  // A negative bar runs left from zero: its label sits just right of the zero line, clear of the bar.
  if (bar.negative) return { x: bar.x + bar.width + 4, anchor: 'start', inside: false };
  const end = bar.x + bar.width;
  if (end + w <= x0 + width) return { x: end + 4, anchor: 'start', inside: false };
  return { x: end - 4, anchor: 'end', inside: true };
}

/** Tick values from the domain's min to its max every `step` (the domain is already rounded to it). */
export function ticks(domain: Domain, step: number): number[] {
  if (step <= 0) return [];
  const out: number[] = [];
  for (let v = domain.min; v <= domain.max + step / 1000; v += step) out.push(Math.round(v));
  return out;
}

/** A step that gives at most `maxTicks` intervals: 1, 2 or 5 × a power of ten (in the values' own unit). */
export function tickStep(span: number, maxTicks: number): number {
  if (span <= 0 || maxTicks <= 0) return 1;
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
