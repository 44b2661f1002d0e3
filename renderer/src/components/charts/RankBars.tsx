import { Box } from '@mui/material';
import { CHART_COLORS, HatchPattern, useChartId, useChartWidth, valueTextProps } from './ChartDefs.js';
import { barExtent, column, domainOf, fitLabel, labelWidth, scaleX, tickStep, valueLabel } from './geometry.js';

export interface RankBar {
  key: string;
  /** "1" … the place in the ranking, printed before the name. */
  rank: number;
  label: string;
  /** Small print after the name (a manager's outlet). */
  note: string | null;
  value: number;
  valueText: string;
  /** The caller's own row: bold and marked with ◆ as well as coloured. */
  own: boolean;
  /** In the bottom group: hatched, so it reads without colour. */
  bottom: boolean;
}

const ROW = 24;
const BAR = 13;
const FONT = 12;

/**
 * A horizontal bar ranking: place, name, bar and exact value on every row. A gap row separates the top from the
 * bottom when rows were left out between them; the bottom rows are hatched and the caller's own row is marked.
 */
export function RankBars(props: { rows: readonly RankBar[]; testId: string; ariaLabel: string; gaps?: ReadonlySet<number> | undefined; reference?: { value: number; label: string } | undefined }) {
  const id = useChartId('rank');
  const [box, W] = useChartWidth(640);
  const LABEL_W = column(W, 0.42, 120, 260);
  const { rows } = props;
  // Room after the track for the longest value, so a label never has to sit on a (hatched) bar.
  const VALUE_SPACE = Math.max(24, ...rows.map((r) => labelWidth(r.valueText, FONT - 1))) + 8;
  const X0 = LABEL_W + 8;
  const TRACK = W - X0 - VALUE_SPACE;
  const values = [...rows.map((r) => r.value), ...(props.reference === undefined ? [] : [props.reference.value])];
  const hi = Math.max(1, ...values.map(Math.abs));
  const step = tickStep(hi, 4);
  const domain = domainOf(values, step, step);
  const x = (v: number): number => scaleX(v, domain, X0, TRACK);
  const gaps = [...(props.gaps ?? [])].filter((g) => g < rows.length - 1);
  // Each gap (rows left out) takes half a row, drawn as ⋯.
  const yOf = (i: number): number => 4 + i * ROW + (gaps.filter((g) => g < i).length * ROW) / 2;
  const height = yOf(rows.length) + 4;
  return (
    <Box data-testid={props.testId} className="bw-chart" ref={box}>
      <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-label={props.ariaLabel} style={{ display: 'block', maxWidth: '100%', height: 'auto' }}>
        <defs>
          <HatchPattern id={`${id}-hatch`} />
        </defs>
        <line className="bw-grid" x1={x(0)} x2={x(0)} y1={0} y2={height} stroke={CHART_COLORS.axis} />
        {props.reference !== undefined && (
          <g className="bw-reference">
            <line x1={x(props.reference.value)} x2={x(props.reference.value)} y1={0} y2={height} stroke={CHART_COLORS.marker} strokeDasharray="3 2" />
            <title>{props.reference.label}</title>
          </g>
        )}
        {gaps.map((g) => (
          <text key={`gap-${g}`} className="bw-axis-text" x={LABEL_W / 2} y={yOf(g + 1) - ROW / 4} textAnchor="middle" fontSize={FONT} fill={CHART_COLORS.muted}>
            ⋯
          </text>
        ))}
        {rows.map((r, i) => {
          const y = yOf(i) + (ROW - BAR) / 2;
          const bar = barExtent(r.value, domain, X0, TRACK);
          const label = valueLabel(bar, r.valueText, FONT - 1, X0, TRACK + VALUE_SPACE);
          const name = fitLabel(`${r.own ? '◆ ' : ''}${r.rank}. ${r.label}`, FONT, LABEL_W - 4);
          // The note (a manager's outlet) only where it still fits after the name.
          const note = r.note === null || labelWidth(`${name} ${r.note}`, FONT) > LABEL_W - 4 ? null : r.note;
          return (
            <g key={r.key} data-testid={`${props.testId}-row`} data-key={r.key} data-rank={r.rank} data-value={r.value} data-own={r.own ? 'true' : 'false'}>
              <title>{`${r.rank}. ${r.label}${r.note === null ? '' : `（${r.note}）`}：${r.valueText}`}</title>
              <text className="bw-label" x={LABEL_W} y={y + BAR - 2} textAnchor="end" fontSize={FONT} fontWeight={r.own ? 700 : 400} fill={CHART_COLORS.text}>
                {name}
                {note !== null && (
                  <tspan className="bw-note" fontSize={FONT - 2} fill={CHART_COLORS.muted}>
                    {` ${note}`}
                  </tspan>
                )}
              </text>
              <rect
                className={r.bottom ? 'bw-fill-behind' : 'bw-fill-ahead'}
                x={bar.x}
                y={y}
                width={Math.max(bar.width, 1)}
                height={BAR}
                fill={r.bottom ? `url(#${id}-hatch)` : r.own ? CHART_COLORS.own : CHART_COLORS.ahead}
                stroke={r.bottom ? CHART_COLORS.behind : 'none'}
              />
              <text {...valueTextProps(label.inside && !r.bottom)} x={label.x} y={y + BAR - 2} textAnchor={label.anchor} fontSize={FONT - 1} fontWeight={600}>
                {r.valueText}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
