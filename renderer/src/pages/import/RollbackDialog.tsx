import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, List, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { RollbackEffect } from '../../../../shared/api/ops/import.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { kindLabel, tableLabel } from './labels.js';

/** Shows what a rollback deletes and restores before doing it; a blocker disables the confirm. */
export function RollbackDialog(props: { batchId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const effect = useApiQuery('import.rollbackPreview', { batchId: props.batchId });
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const blocked = effect.state !== 'ready' || effect.value.blockers.length > 0;

  const confirm = (): void => {
    setRunning(true);
    setError(null);
    api.call('import.rollback', { batchId: props.batchId }).then(
      (result) => {
        setRunning(false);
        if (result.ok) props.onDone();
        else setError(result.error);
      },
      (e: unknown) => {
        setRunning(false);
        setError(thrownToError(e));
      },
    );
  };

  return (
    <Dialog open onClose={() => {
        if (!running) props.onClose();
      }} aria-labelledby="rollback-title" maxWidth="sm" fullWidth data-testid="rollback-dialog" data-state={effect.state}>
      <DialogTitle id="rollback-title">{t('import.rollback.title', { id: props.batchId })}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {effect.state === 'loading' && <LinearProgress />}
        {effect.state === 'error' && <ErrorAlert error={effect.error} onRetry={effect.reload} />}
        {effect.state === 'ready' && <Effect effect={effect.value} />}
        {running && <LinearProgress />}
        {error !== null && <ErrorAlert title={t('import.rollback.failed')} error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={running} data-testid="rollback-cancel">
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color="warning" onClick={confirm} disabled={blocked || running} data-testid="rollback-confirm">
          {t('import.rollback.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function Effect(props: { effect: RollbackEffect }) {
  const t = useT();
  const { locale } = useLocale();
  const { batch, deletes, restores, blockers } = props.effect;
  const lines = [
    ...Object.entries(deletes).map(([table, count]) => t('import.rollback.deletes', { table: tableLabel(table, t), count: formatCount(count, locale) })),
    ...Object.entries(restores).map(([table, count]) => t('import.rollback.restores', { table: tableLabel(table, t), count: formatCount(count, locale) })),
  ];
  return (
    <Box data-testid="rollback-effect" data-blocked={blockers.length > 0}>
      <DialogContentText>
        {t('import.rollback.body', { kind: kindLabel(batch.kind, locale), file: batch.fileName, version: batch.version })}
      </DialogContentText>
      {lines.length === 0 ? (
        <Typography sx={{ mt: 1 }}>{t('import.rollback.nothing')}</Typography>
      ) : (
        <List dense>
          {lines.map((line) => (
            <ListItem key={line} disableGutters data-testid="rollback-line">
              {line}
            </ListItem>
          ))}
        </List>
      )}
      {blockers.length > 0 && (
        <Alert severity="error" data-testid="rollback-blockers">
          {t('import.rollback.blocked')}
          <List dense disablePadding>
            {blockers.map((b, i) => (
              <ListItem key={i} disableGutters>
                {pickText(b, locale)}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}
