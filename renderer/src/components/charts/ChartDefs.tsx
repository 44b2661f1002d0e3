import { useId, useLayoutEffect, useState } from 'react';

/** Colours on screen; the print rules (DashboardPrintStyles) turn every class below into black, grey and hatching. */
export const CHART_COLORS = {
  ahead: '#1f4e79',
  behind: '#c25e00',
  behindGround: '#fbe9d7',
  neutral: '#9aa5b1',
  track: '#eef1f5',
  axis: '#8a96a3',
  text: '#1d2733',
  muted: '#566273',
  marker: '#1d2733',
  own: '#9a7b4f',
} as const;

/** A per-chart id safe inside `url(#…)` (React's ids carry characters CSS would need escaped). */
export function useChartId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/**
 * The hatching that marks "behind" (and any second series) so a chart reads the same without colour: diagonal
 * lines over a pale ground.
 */
export function HatchPattern(props: { id: string; color?: string; ground?: string }) {
  return (
    <pattern id={props.id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect className="bw-hatch-ground" width="6" height="6" fill={props.ground ?? CHART_COLORS.behindGround} />
      <line className="bw-hatch-line" x1="0" y1="0" x2="0" y2="6" stroke={props.color ?? CHART_COLORS.behind} strokeWidth="3" />
    </pattern>
  );
}

/**
 * A value label's paint: white on a dark bar; otherwise dark with a white halo, so it stays readable where it
 * crosses a marker, a grid line or hatching (print keeps the halo and blackens the text).
 */
export function valueTextProps(onDarkBar: boolean): { className: string; fill: string; stroke?: string; strokeWidth?: number; paintOrder?: string } {
  return onDarkBar ? { className: 'bw-value bw-value-inside', fill: '#ffffff' } : { className: 'bw-value', fill: CHART_COLORS.text, stroke: '#ffffff', strokeWidth: 3, paintOrder: 'stroke' };
}

/** Charts narrower than this are drawn at this width and scaled down. */
const MIN_WIDTH = 280;

/**
 * The width a chart's box has on screen, followed as it changes: charts draw in a viewBox of that width, so their
 * text stays at its real size on a narrow card and a wide one alike (print scales the drawing to the page).
 */
export function useChartWidth(fallback: number): [(node: HTMLElement | null) => void, number] {
  const [node, setNode] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    if (node === null) return undefined;
    const update = (): void => {
      const w = Math.round(node.getBoundingClientRect().width);
      if (w > 0) setWidth(Math.max(MIN_WIDTH, w));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return [setNode, width];
}
