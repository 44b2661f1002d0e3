import { Button, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { AssignmentChangeInfo } from '../../../../shared/api/ops/assignment.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

const kindKey = (k: AssignmentChangeInfo['kind']): MessageKey => `assign.kind.${k}`;

/**
 * 管户变更记录: each change (who moved whom, when, why) with 撤销. Import changes are rolled back from the import
 * history and an undo is not undone again, so neither offers the button. `highlightId` marks the change just applied.
 */
export function ChangesTable(props: { rows: readonly AssignmentChangeInfo[]; highlightId: number | null; onUndo: (id: number) => void }) {
  const t = useT();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="assignment-changes" aria-label={t('assign.changes.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('assign.col.when')}</TableCell>
            <TableCell>{t('assign.col.who')}</TableCell>
            <TableCell>{t('assign.col.kind')}</TableCell>
            <TableCell>{t('assign.col.reason')}</TableCell>
            <TableCell align="right">{t('assign.col.spans')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((c) => (
            <TableRow
              key={c.id}
              data-testid="assignment-change"
              data-change-id={c.id}
              data-kind={c.kind}
              data-undone={c.undoneBy !== null}
              data-new={c.id === props.highlightId}
              sx={{ bgcolor: (theme) => (c.id === props.highlightId ? alpha(theme.palette.success.main, 0.1) : undefined) }}
            >
              <TableCell>{c.createdAt.slice(0, 16).replace('T', ' ')}</TableCell>
              <TableCell>{c.createdBy}</TableCell>
              <TableCell>{t(kindKey(c.kind))}</TableCell>
              <TableCell>{c.reason ?? '—'}</TableCell>
              <TableCell align="right">{c.spans}</TableCell>
              <TableCell padding="none">
                {c.undoneBy !== null ? (
                  <Chip size="small" label={t('assign.undone')} />
                ) : c.kind !== 'import' && c.kind !== 'undo' ? (
                  <Button size="small" onClick={() => props.onUndo(c.id)} data-testid="assignment-undo">
                    {t('assign.undo')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
