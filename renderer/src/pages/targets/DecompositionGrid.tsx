import { Box, IconButton, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import type { Decomposition, GridRow } from '../../../../shared/targets/decomposition.js';
import { figureParts } from '../../../../shared/targets/figures.js';
import { childPeriods } from '../../../../shared/targets/periods.js';
import { useT } from '../../i18n/I18nProvider.js';
import { columnChecks, rowChecks } from './grid-view.js';
import { usePeriodName } from './period-names.js';

/** Year, then each quarter followed by its months: how a supervisor reads a year plan. */
function columnOrder(periods: readonly string[]): string[] {
  const [year, ...rest] = periods;
  if (year === undefined) return [];
  const quarters = rest.filter((p) => p.includes('Q'));
  return [year, ...quarters.flatMap((q) => [q, ...childPeriods(q).filter((m) => rest.includes(m))])];
}

function Check(props: { ok: boolean; testId: string }) {
  const t = useT();
  return (
    <Tooltip title={props.ok ? t('targets.check.ok') : t('targets.check.bad')}>
      <Box component="span" data-testid={props.testId} data-ok={props.ok} sx={{ display: 'inline-flex', color: props.ok ? 'success.main' : 'error.main' }}>
        {props.ok ? <CheckCircleIcon fontSize="small" /> : <CancelIcon fontSize="small" />}
      </Box>
    </Tooltip>
  );
}

const STICKY = { position: 'sticky', left: 0, zIndex: 2, bgcolor: 'background.paper' } as const;

/**
 * 分解表: rows are the unit, its outlets and their managers; columns the year, quarters and months. A figure opens
 * the cell editor; the padlock locks or releases it. ✓ per row (periods add up) and per column (rows add up) are
 * recomputed here from the figures shown.
 */
export function DecompositionGrid(props: { value: Decomposition; editable: boolean; onEdit: (row: GridRow, period: string) => void; onLock: (row: GridRow, period: string, locked: boolean) => void }) {
  const t = useT();
  const periodName = usePeriodName();
  const { rows, indicator } = props.value;
  const columns = columnOrder(props.value.periods);
  const rowOk = rowChecks(rows, columns);
  const colOk = columnChecks(rows, columns);
  const parts = (v: number): { text: string; pad: string } => figureParts(v, indicator.measure, indicator.unit);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" stickyHeader data-testid="targets-grid" aria-label={t('targets.tab.decompose')}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ ...STICKY, zIndex: 3, minWidth: 170 }}>{t('targets.col.name')}</TableCell>
            <TableCell align="center">{t('targets.col.check')}</TableCell>
            {columns.map((p) => (
              <TableCell key={p} align="right" sx={{ fontWeight: p.includes('-') ? 400 : 700, whiteSpace: 'nowrap' }}>
                {periodName(p)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key} data-testid="targets-row" data-key={r.key} data-kind={r.kind} hover>
              <TableCell sx={{ ...STICKY, pl: r.kind === 'manager' ? 4 : r.kind === 'outlet' ? 2 : 1, fontWeight: r.kind === 'manager' ? 400 : 700, whiteSpace: 'nowrap' }}>
                {r.name}
                {r.kind === 'manager' && (
                  <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.75 }}>
                    {r.code}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="center">
                <Check ok={rowOk[r.key] ?? false} testId={`targets-row-check-${r.key}`} />
              </TableCell>
              {columns.map((p) => (
                <FigureCell key={p} row={r} period={p} parts={parts(r.values[p] ?? 0)} editable={props.editable && !(r.kind === 'root' && p === columns[0])} onEdit={props.onEdit} onLock={props.onLock} />
              ))}
            </TableRow>
          ))}
          <TableRow>
            <TableCell sx={{ ...STICKY, color: 'text.secondary' }}>{t('targets.row.checks')}</TableCell>
            <TableCell />
            {columns.map((p) => (
              <TableCell key={p} align="right">
                <Check ok={colOk[p] ?? false} testId={`targets-col-check-${p}`} />
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function FigureCell(props: { row: GridRow; period: string; parts: { text: string; pad: string }; editable: boolean; onEdit: (row: GridRow, period: string) => void; onLock: (row: GridRow, period: string, locked: boolean) => void }) {
  const t = useT();
  const { row, period } = props;
  const locked = row.locked.includes(period);
  const quarterOrYear = !period.includes('-');
  return (
    <TableCell
      align="right"
      data-testid={`targets-cell-${row.key}-${period}`}
      data-value={row.values[period] ?? 0}
      data-locked={locked}
      sx={{ whiteSpace: 'nowrap', px: 0.75, bgcolor: (th) => (locked ? alpha(th.palette.warning.main, 0.14) : quarterOrYear ? th.palette.action.hover : undefined), fontVariantNumeric: 'tabular-nums' }}
    >
      <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25 }}>
        <Box
          component={props.editable ? 'button' : 'span'}
          onClick={props.editable ? () => props.onEdit(row, period) : undefined}
          data-testid={`targets-edit-${row.key}-${period}`}
          sx={{ all: 'unset', cursor: props.editable ? 'pointer' : 'default', fontWeight: quarterOrYear ? 600 : 400, '&:hover': props.editable ? { textDecoration: 'underline' } : {} }}
        >
          {props.parts.text}
          <Box component="span" sx={{ color: 'text.disabled' }}>
            {props.parts.pad}
          </Box>
        </Box>
        {props.editable || locked ? (
          <IconButton
            size="small"
            disabled={!props.editable}
            aria-label={locked ? t('targets.unlock') : t('targets.lock')}
            onClick={() => props.onLock(row, period, !locked)}
            data-testid={`targets-lock-${row.key}-${period}`}
            sx={{ p: 0.25, color: locked ? 'warning.main' : 'action.disabled' }}
          >
            {locked ? <LockIcon sx={{ fontSize: 14 }} /> : <LockOpenIcon sx={{ fontSize: 14 }} />}
          </IconButton>
        ) : null}
      </Box>
    </TableCell>
  );
}
