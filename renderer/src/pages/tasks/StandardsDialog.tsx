import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import { CLIENT_TIERS } from '../../../../shared/model/client.js';
import { CONTACT_PERIOD_MONTHS, serviceStandardsSchema } from '../../../../shared/tasks/standards.js';
import type { ServiceStandards } from '../../../../shared/tasks/standards.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { tierKey } from './task-view.js';

interface Draft {
  requestHours: string;
  urgentRequestHours: string;
  keyClientMinTier: ServiceStandards['keyClientMinTier'];
  keyClientEveryMonths: ServiceStandards['keyClientEveryMonths'];
}
const draftOf = (s: ServiceStandards): Draft => ({ ...s, requestHours: String(s.requestHours), urgentRequestHours: String(s.urgentRequestHours) });

/** The service standards in force; the administrator edits them, everyone else reads them. */
export function StandardsDialog(props: { canEdit: boolean; onClose: () => void }) {
  const t = useT();
  const api = useApi();
  const query = useApiQuery('tasks.standards', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const view = query.state === 'ready' ? query.value : null;
  useEffect(() => {
    if (view !== null) setDraft((d) => d ?? draftOf(view.standards));
  }, [view]);
  const parsed = draft === null ? null : serviceStandardsSchema.safeParse({ ...draft, requestHours: Number(draft.requestHours), urgentRequestHours: Number(draft.urgentRequestHours) });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => (d === null ? d : { ...d, [key]: value }));
  const save = (): void => {
    if (parsed?.success !== true) return;
    setBusy(true);
    setError(null);
    api.call('tasks.setStandards', { standards: parsed.data }).then(
      (r) => {
        setBusy(false);
        if (!r.ok) return setError(r.error);
        props.onClose();
      },
      (e: unknown) => {
        setBusy(false);
        setError(thrownToError(e));
      },
    );
  };
  const ro = !props.canEdit;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('tasks.standards')}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }} data-testid="tasks-standards-form">
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('tasks.std.hint')}
          </Typography>
          {query.state === 'error' && <ErrorAlert error={query.error} onRetry={query.reload} />}
          {draft !== null && (
            <>
              <TextField type="number" label={t('tasks.std.requestHours')} value={draft.requestHours} onChange={(e) => set('requestHours', e.target.value)} disabled={ro} slotProps={{ htmlInput: { min: 1, 'data-testid': 'tasks-std-request' } }} />
              <TextField
                type="number"
                label={t('tasks.std.urgentHours')}
                value={draft.urgentRequestHours}
                onChange={(e) => set('urgentRequestHours', e.target.value)}
                disabled={ro}
                error={parsed?.success === false}
                slotProps={{ htmlInput: { min: 1, 'data-testid': 'tasks-std-urgent' } }}
              />
              <TextField select label={t('tasks.std.minTier')} value={draft.keyClientMinTier} onChange={(e) => set('keyClientMinTier', e.target.value as Draft['keyClientMinTier'])} disabled={ro}>
                {CLIENT_TIERS.filter((x) => x !== 'standard').map((tier) => (
                  <MenuItem key={tier} value={tier}>
                    {t(tierKey(tier))}
                  </MenuItem>
                ))}
              </TextField>
              <TextField select label={t('tasks.std.every')} value={draft.keyClientEveryMonths} onChange={(e) => set('keyClientEveryMonths', Number(e.target.value) as Draft['keyClientEveryMonths'])} disabled={ro}>
                {CONTACT_PERIOD_MONTHS.map((m) => (
                  <MenuItem key={m} value={m}>
                    {t('tasks.gen.months', { count: m })}
                  </MenuItem>
                ))}
              </TextField>
            </>
          )}
          {error !== null && <ErrorAlert error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {props.canEdit && view !== null && (
          <Button onClick={() => setDraft(draftOf(view.defaults))} sx={{ mr: 'auto' }}>
            {t('tasks.std.restore')}
          </Button>
        )}
        <Button onClick={props.onClose}>{t(props.canEdit ? 'common.cancel' : 'tasks.close')}</Button>
        {props.canEdit && (
          <Button variant="contained" onClick={save} disabled={busy || parsed?.success !== true} data-testid="tasks-std-save">
            {t('tasks.save')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
