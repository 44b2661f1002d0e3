import { Box } from '@mui/material';
import { CHART_COLORS, HatchPattern, useChartId, useChartWidth } from './ChartDefs.js';
import { column, fitLabel, labelWidth, scaleX } from './geometry.js';

export interface ShareBar {
  key: string;
  label: string;
  /** The share in basis points; null when there is nothing to share (no clients). */
  bp: number | null;
  /** "93.1%（13,276 / 14,329）": the exact share and its parts, printed at the right. */
  valueText: string;
}

const ROW = 30;
const BAR = 14;
const FONT = 12;

/**
 * Coverage as shares of a whole: a 0–100 % track per row, filled to the share, the rest hatched (so the part
 * missing is visible without colour), with the exact share and counts beside it.
 */
export function ShareBars(props: { rows: readonly ShareBar[]; testId: string; ariaLabel: string }) {
  const id = useChartId('share');
  const [box, W] = useChartWidth(640);
  // The widest value text decides the value column; labels take up to a third of what is left.
  const VALUE_W = Math.min(W * 0.45, Math.max(60, ...props.rows.map((r) => labelWidth(r.valueText, FONT - 1) + 10)));
  const LABEL_W = column(W - VALUE_W, 0.4, 70, 150);
  const X0 = LABEL_W + 8;
  const TRACK = W - X0 - VALUE_W - 8;
  const domain = { min: 0, max: 10_000 };
  const height = props.rows.length * ROW + 18;
  return (
    <Box data-testid={props.testId} className="bw-chart" ref={box}>
      <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-label={props.ariaLabel} style={{ display: 'block', maxWidth: '100%', height: 'auto' }}>
        <defs>
          <HatchPattern id={`${id}-hatch`} color={CHART_COLORS.neutral} ground="#ffffff" />
        </defs>
        {[0, 5_000, 10_000].map((v) => (
          <text key={v} className="bw-axis-text" x={scaleX(v, domain, X0, TRACK)} y={height - 3} textAnchor="middle" fontSize={FONT - 2} fill={CHART_COLORS.muted}>
            {`${v / 100}%`}
          </text>
        ))}
        {props.rows.map((r, i) => {
          const y = i * ROW + (ROW - BAR) / 2;
          const end = r.bp === null ? X0 : scaleX(r.bp, domain, X0, TRACK);
          return (
            <g key={r.key} data-testid={`${props.testId}-row`} data-key={r.key} data-bp={r.bp ?? ''}>
              <title>{`${r.label}：${r.valueText}`}</title>
              <text className="bw-label" x={LABEL_W} y={y + BAR - 2} textAnchor="end" fontSize={FONT} fill={CHART_COLORS.text}>
                {fitLabel(r.label, FONT, LABEL_W - 4)}
              </text>
              <rect className="bw-rest" x={X0} y={y} width={TRACK} height={BAR} fill={`url(#${id}-hatch)`} stroke={CHART_COLORS.neutral} />
              {r.bp !== null && <rect className="bw-fill-ahead" x={X0} y={y} width={end - X0} height={BAR} fill={CHART_COLORS.ahead} />}
              <text className="bw-value" x={X0 + TRACK + 8} y={y + BAR - 2} fontSize={FONT - 1} fontWeight={600} fill={CHART_COLORS.text}>
                {r.valueText}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
