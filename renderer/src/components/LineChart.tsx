import { Box, Stack, Typography } from '@mui/material';

export interface Series {
  name: string;
  color: string;
  /** One value per label; null leaves a gap. */
  values: ReadonlyArray<number | null>;
}

const W = 720;
const H = 220;
const PAD = { left: 64, right: 12, top: 12, bottom: 28 };

/**
 * A small dependency-free line chart (SVG) for month series: integer values (fen or counts) scaled to the
 * largest, axis labels formatted by the caller. Every point carries a <title> with its exact figure.
 */
export function LineChart(props: { labels: readonly string[]; series: readonly Series[]; format: (v: number) => string; testId: string; ariaLabel: string }) {
  const { labels, series, format, testId, ariaLabel } = props;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...all);
  const min = Math.min(0, ...all);
  const x = (i: number): number => PAD.left + (labels.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (labels.length - 1));
  const y = (v: number): number => PAD.top + ((max - v) * (H - PAD.top - PAD.bottom)) / (max - min);
  const ticks = [min, min + (max - min) / 2, max];
  return (
    <Box data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={ariaLabel} style={{ maxHeight: 260 }}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e0e0e0" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#666">
              {format(Math.round(v))}
            </text>
          </g>
        ))}
        {labels.map((l, i) => (
          <text key={l} x={x(i)} y={H - 8} textAnchor="middle" fontSize="11" fill="#666">
            {l}
          </text>
        ))}
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
          return (
            <g key={s.name} data-series={s.name}>
              <polyline points={points.join(' ')} fill="none" stroke={s.color} strokeWidth="2" />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle key={labels[i]} cx={x(i)} cy={y(v)} r="3" fill={s.color}>
                    <title>{`${s.name} ${labels[i] ?? ''}: ${format(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <Stack direction="row" sx={{ gap: 2, justifyContent: 'center' }}>
        {series.map((s) => (
          <Stack key={s.name} direction="row" sx={{ gap: 0.5, alignItems: 'center' }}>
            <Box sx={{ width: 12, height: 3, bgcolor: s.color }} />
            <Typography variant="caption">{s.name}</Typography>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
