import { Box } from '@mui/material';
import { CHART_COLORS, HatchPattern, useChartId, useChartWidth, valueTextProps } from './ChartDefs.js';
import { barExtent, column, domainOf, fitLabel, labelWidth, scaleX, tickStep, ticks, valueLabel } from './geometry.js';

export interface BulletRow {
  key: string;
  label: string;
  /** The bar: completion in basis points; null draws no bar (no target or no actual). */
  valueBp: number | null;
  /** The marker: where the bar should have reached by now (time elapsed, or 100 % for a level). */
  markerBp: number | null;
  status: 'ahead' | 'behind' | 'none';
  valueText: string;
  statusText: string;
}

const ROW = 30;
const BAR = 14;
const TOP = 22;
const STATUS_W = 58;
const FONT = 12;
const MAX_BP = 20_000;
const MIN_BP = -10_000;

/**
 * 完成率 vs 时间进度: one bar per indicator (solid when keeping pace, hatched when behind, so colour is never the
 * only cue), a black marker at the share the time elapsed calls for, the exact completion printed beside each bar
 * and the verdict in words at the right. Clicking a row asks the card to show its figures.
 */
export function BulletChart(props: { rows: readonly BulletRow[]; testId: string; ariaLabel: string; onRowClick?: (key: string) => void }) {
  const id = useChartId('bullet');
  const [box, W] = useChartWidth(640);
  const LABEL_W = column(W, 0.2, 84, 130);
  const { rows } = props;
  const VALUE_SPACE = Math.max(24, ...rows.map((r) => labelWidth(r.valueText, FONT - 1))) + 8;
  const X0 = LABEL_W + 8;
  const TRACK = W - X0 - STATUS_W - VALUE_SPACE;
  // The axis runs to 100 % at least and 200 % at most (−100 % for a shrinking 净增); a bar beyond is cut at the
  // edge and keeps its exact label.
  const values = rows.flatMap((r) => [r.valueBp, r.markerBp]).filter((v): v is number => v !== null).map((v) => Math.max(MIN_BP, Math.min(MAX_BP, v)));
  const step = Math.max(2_500, Math.ceil(tickStep(Math.max(10_000, ...values) - Math.min(0, ...values), 5) / 2_500) * 2_500);
  const domain = domainOf(values, step, 10_000);
  const height = TOP + rows.length * ROW + 4;
  const x = (v: number): number => scaleX(v, domain, X0, TRACK);
  return (
    <Box data-testid={props.testId} className="bw-chart" ref={box}>
      <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-label={props.ariaLabel} style={{ display: 'block', maxWidth: '100%', height: 'auto' }}>
        <defs>
          <HatchPattern id={`${id}-hatch`} />
        </defs>
        {ticks(domain, step).map((v) => (
          <g key={v}>
            <line className="bw-grid" x1={x(v)} x2={x(v)} y1={TOP - 4} y2={height - 4} stroke={v === 0 || v === 10_000 ? CHART_COLORS.axis : CHART_COLORS.track} strokeDasharray={v === 10_000 ? '3 2' : undefined} />
            <text className="bw-axis-text" x={x(v)} y={TOP - 8} textAnchor="middle" fontSize={FONT - 1} fill={CHART_COLORS.muted}>
              {`${v / 100}%`}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = TOP + i * ROW + (ROW - BAR) / 2;
          const bar = r.valueBp === null ? null : barExtent(r.valueBp, domain, X0, TRACK);
          const label = bar === null ? null : valueLabel(bar, r.valueText, FONT - 1, X0, TRACK + VALUE_SPACE);
          const fill = r.status === 'behind' ? `url(#${id}-hatch)` : r.status === 'ahead' ? CHART_COLORS.ahead : CHART_COLORS.neutral;
          return (
            <g
              key={r.key}
              data-testid={`${props.testId}-row`}
              data-key={r.key}
              data-status={r.status}
              data-value={r.valueBp ?? ''}
              data-marker={r.markerBp ?? ''}
              onClick={props.onRowClick === undefined ? undefined : () => props.onRowClick?.(r.key)}
              style={{ cursor: props.onRowClick === undefined ? undefined : 'pointer' }}
            >
              <title>{`${r.label}：${r.valueText}（${r.statusText}）`}</title>
              <text className="bw-label" x={LABEL_W} y={y + BAR - 2} textAnchor="end" fontSize={FONT} fill={CHART_COLORS.text}>
                {fitLabel(r.label, FONT, LABEL_W - 4)}
              </text>
              <rect className="bw-track" x={X0} y={y} width={TRACK} height={BAR} fill={CHART_COLORS.track} />
              {bar !== null && (
                <rect
                  className={r.status === 'behind' ? 'bw-fill-behind' : r.status === 'ahead' ? 'bw-fill-ahead' : 'bw-fill-neutral'}
                  x={bar.x}
                  y={y}
                  width={Math.max(bar.width, 1)}
                  height={BAR}
                  fill={fill}
                  stroke={r.status === 'behind' ? CHART_COLORS.behind : 'none'}
                  strokeWidth={r.status === 'behind' ? 1 : 0}
                />
              )}
              {bar?.clipped === true && (
                <path className="bw-clip" d={`M ${bar.negative ? bar.x + 6 : bar.x + bar.width - 6} ${y - 1} l ${bar.negative ? -4 : 4} ${BAR / 2 + 1} l ${bar.negative ? 4 : -4} ${BAR / 2 + 1}`} fill="none" stroke="#ffffff" strokeWidth={2} />
              )}
              {label !== null && (
                <text {...valueTextProps(label.inside && r.status === 'ahead')} x={label.x} y={y + BAR - 3} textAnchor={label.anchor} fontSize={FONT - 1} fontWeight={600}>
                  {r.valueText}
                </text>
              )}
              {r.markerBp !== null && (
                <g className="bw-marker">
                  <line x1={x(r.markerBp)} x2={x(r.markerBp)} y1={y - 4} y2={y + BAR + 4} stroke={CHART_COLORS.marker} strokeWidth={2.5} />
                  <path d={`M ${x(r.markerBp) - 4} ${y - 7} L ${x(r.markerBp) + 4} ${y - 7} L ${x(r.markerBp)} ${y - 2} Z`} fill={CHART_COLORS.marker} />
                </g>
              )}
              <text className="bw-status" x={W - 4} y={y + BAR - 2} textAnchor="end" fontSize={FONT} fontWeight={600} fill={r.status === 'behind' ? CHART_COLORS.behind : r.status === 'ahead' ? CHART_COLORS.ahead : CHART_COLORS.muted}>
                {r.statusText}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
