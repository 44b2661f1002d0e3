import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { EvaluationRunDetail } from '../../../../shared/api/ops/evaluation.js';
import { pointsText } from '../../../../shared/evaluation/card.js';
import { useT } from '../../i18n/I18nProvider.js';
import { diffRows, pointsDelta } from './run-view.js';
import type { RunDiff } from './useRunActions.js';

const NUM = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * 检查数据变化: what computing the locked run again would change after a re-import, item by item and in the total.
 * Nothing is stored; reopening (with a reason) is the way to take the changes.
 */
export function DiffPanel(props: { diff: RunDiff; detail: EvaluationRunDetail; onClose: () => void }) {
  const t = useT();
  const rows = diffRows(props.diff.changes, props.detail);
  const close = (
    <Button color="inherit" size="small" onClick={props.onClose}>
      {t('eval.close')}
    </Button>
  );
  if (!props.diff.changed) {
    return (
      <Alert severity="success" action={close} data-testid="eval-diff-result" data-changed="false">
        {t('eval.diff.none')}
      </Alert>
    );
  }
  return (
    <Stack sx={{ gap: 1 }} data-testid="eval-diff-result" data-changed="true" data-count={rows.length}>
      <Alert severity="warning" action={close}>
        {rows.length === 0 ? t('eval.diff.inputsOnly') : t('eval.diff.some', { count: rows.length })}
      </Alert>
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 320 }}>
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                <TableCell>{t('eval.col.staffNo')}</TableCell>
                <TableCell>{t('eval.col.name')}</TableCell>
                <TableCell>{t('eval.diff.item')}</TableCell>
                <TableCell align="right">{t('eval.diff.before')}</TableCell>
                <TableCell align="right">{t('eval.diff.after')}</TableCell>
                <TableCell align="right">{t('eval.diff.delta')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={`${r.managerId}-${r.item ?? ''}-${i}`} data-testid="eval-diff-row">
                  <TableCell>{r.staffNo}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{r.item ?? <Typography component="span" sx={{ fontWeight: 600 }}>{t('eval.col.total')}</Typography>}</TableCell>
                  <TableCell align="right" sx={NUM}>{pointsText(r.before)}</TableCell>
                  <TableCell align="right" sx={NUM}>{pointsText(r.after)}</TableCell>
                  <TableCell align="right" sx={NUM}>{pointsText(pointsDelta(r.before, r.after))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
