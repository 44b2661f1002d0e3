import { Alert, Button, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { AssignmentChangeInfo } from '../../../../shared/api/ops/assignment.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

const kindKey = (k: AssignmentChangeInfo['kind']): MessageKey => `assign.kind.${k}`;

/**
 * 管户分配: the record of assignment changes (who moved whom, when, why), each undoable as a whole. Clients are
 * assigned from the client list (select, then 分配给…); rule runs and handovers land here too.
 */
export function AssignmentPage() {
  const t = useT();
  const api = useApi();
  const changes = useApiQuery('assignment.changes', { limit: 100 });
  const [error, setError] = useState<ApiError | null>(null);
  const undo = (id: number): void => {
    void api.call('assignment.undo', { changeId: id }).then((r) => {
      setError(r.ok ? null : r.error);
      changes.reload();
    });
  };
  const rows = changes.state === 'ready' ? changes.value : [];
  return (
    <PageRoot page="assignment" state={changes.state}>
      <Typography sx={{ color: 'text.secondary' }}>{t('assign.changes.intro')}</Typography>
      {changes.state === 'error' && <ErrorAlert error={changes.error} onRetry={changes.reload} />}
      {error !== null && <ErrorAlert error={error} />}
      {changes.state === 'ready' && rows.length === 0 && <Alert severity="info">{t('assign.changes.empty')}</Alert>}
      {rows.length > 0 && (
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
              {rows.map((c) => (
                <TableRow key={c.id} data-testid="assignment-change" data-change-id={c.id} data-kind={c.kind} data-undone={c.undoneBy !== null}>
                  <TableCell>{c.createdAt.slice(0, 16).replace('T', ' ')}</TableCell>
                  <TableCell>{c.createdBy}</TableCell>
                  <TableCell>{t(kindKey(c.kind))}</TableCell>
                  <TableCell>{c.reason ?? '—'}</TableCell>
                  <TableCell align="right">{c.spans}</TableCell>
                  <TableCell padding="none">
                    {c.undoneBy !== null ? (
                      <Chip size="small" label={t('assign.undone')} />
                    ) : c.kind !== 'import' && c.kind !== 'undo' ? (
                      <Button size="small" onClick={() => undo(c.id)} data-testid="assignment-undo">
                        {t('assign.undo')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </PageRoot>
  );
}
