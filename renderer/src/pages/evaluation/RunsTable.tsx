import { Alert, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { EvaluationRunInfo } from '../../../../shared/api/ops/evaluation.js';
import { useT } from '../../i18n/I18nProvider.js';
import { StatusChip } from './StatusChip.js';

const when = (iso: string | null): string => (iso === null ? '—' : iso.slice(0, 16).replace('T', ' '));

/** The runs so far, newest first; a click opens one. */
export function RunsTable(props: { runs: readonly EvaluationRunInfo[]; selectedId: number | null; onSelect: (id: number) => void; compact?: boolean }) {
  const t = useT();
  if (props.runs.length === 0) return <Alert severity="info">{t('eval.runs.empty')}</Alert>;
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 260 }}>
      <Table size="small" stickyHeader data-testid="eval-runs">
        <TableHead>
          <TableRow>
            <TableCell>{t('eval.runs.id')}</TableCell>
            <TableCell>{t('eval.runs.scheme')}</TableCell>
            <TableCell>{t('eval.period')}</TableCell>
            <TableCell>{t('eval.runs.status')}</TableCell>
            {props.compact !== true && <TableCell align="right">{t('eval.runs.complete')}</TableCell>}
            {props.compact !== true && <TableCell>{t('eval.runs.computed')}</TableCell>}
            {props.compact !== true && <TableCell>{t('eval.runs.locked')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.runs.map((r) => (
            <TableRow
              key={r.id}
              hover
              selected={r.id === props.selectedId}
              onClick={() => props.onSelect(r.id)}
              sx={{ cursor: 'pointer' }}
              data-testid="eval-run-row"
              data-run-id={r.id}
              data-status={r.status}
              data-period={r.period}
            >
              <TableCell>#{r.id}</TableCell>
              <TableCell>
                {r.schemeName}（{r.schemeCode} v{r.schemeVersion}）
              </TableCell>
              <TableCell>{r.period}</TableCell>
              <TableCell>
                <StatusChip status={r.status} />
              </TableCell>
              {props.compact !== true && (
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.complete}/{r.managers}
                </TableCell>
              )}
              {props.compact !== true && (
                <TableCell>
                  {when(r.computedAt)} · {r.computedBy}
                </TableCell>
              )}
              {props.compact !== true && <TableCell>{r.lockedAt === null ? '—' : `${when(r.lockedAt)} · ${r.lockedBy ?? ''}`}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
