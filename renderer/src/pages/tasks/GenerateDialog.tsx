import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, LinearProgress, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import { TASK_GENERATORS } from '../../../../shared/tasks/model.js';
import type { GenerationResult } from '../../../../shared/tasks/model.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { GenerateFields } from './GenerateFields.js';
import { GeneratePreview } from './GeneratePreview.js';
import { generateInput, generatorKey } from './task-view.js';
import type { GenerateForm } from './task-view.js';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const START: GenerateForm = {
  generator: 'maturity',
  asOf: today(),
  priority: 'normal',
  days: '30',
  productTypes: ['deposit_time', 'wealth'],
  minAmountYuan: '',
  minTier: 'gold',
  everyMonths: 3,
  dropPct: '30',
  minPrevYuan: '50000',
  dueInDays: '14',
};

/**
 * 从数据生成: pick a generator and its parameters, preview how many clients each manager's list would hold (nothing
 * is stored), then create the lists. Any change to the parameters drops the preview, so what is created is what
 * was shown.
 */
export function GenerateDialog(props: { onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const standards = useApiQuery('tasks.standards', {});
  const [form, setForm] = useState<GenerateForm>(START);
  const [preview, setPreview] = useState<GenerationResult | null>(null);
  const [made, setMade] = useState<GenerationResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The key-client defaults are the service standard's, once it is known.
  const s = standards.state === 'ready' ? standards.value.standards : null;
  useEffect(() => {
    if (s !== null) setForm((f) => ({ ...f, minTier: s.keyClientMinTier, everyMonths: s.keyClientEveryMonths }));
  }, [s]);
  const set = <K extends keyof GenerateForm>(key: K, value: GenerateForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setPreview(null);
  };
  const run = (asPreview: boolean): void => {
    const input = generateInput(form, asPreview);
    if (input === null) return;
    setBusy(true);
    setError(null);
    api.call('tasks.generate', input).then(
      (r) => {
        setBusy(false);
        if (!r.ok) return setError(r.error);
        if (asPreview) setPreview(r.value);
        else {
          setMade(r.value);
          props.onDone();
        }
      },
      (e: unknown) => {
        setBusy(false);
        setError(thrownToError(e));
      },
    );
  };
  const valid = generateInput(form, true) !== null;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('tasks.generate')}</DialogTitle>
      <DialogContent data-testid="tasks-gen" data-state={busy ? 'loading' : 'ready'}>
        <LinearProgress sx={{ visibility: busy ? 'visible' : 'hidden', mb: 1 }} />
        {made === null ? (
          <Stack sx={{ gap: 2 }}>
            <RadioGroup value={form.generator} onChange={(e) => set('generator', e.target.value as GenerateForm['generator'])}>
              {TASK_GENERATORS.map((g) => (
                <FormControlLabel
                  key={g}
                  value={g}
                  control={<Radio />}
                  data-testid={`tasks-gen-${g}`}
                  label={
                    <span>
                      <Typography component="span" sx={{ fontWeight: 500 }}>
                        {t(generatorKey(g))}
                      </Typography>
                      <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
                        {t(`tasks.generator.${g}.hint`)}
                      </Typography>
                    </span>
                  }
                />
              ))}
            </RadioGroup>
            <GenerateFields form={form} set={set} />
            {preview !== null && <GeneratePreview result={preview} />}
          </Stack>
        ) : (
          <Alert severity="success" data-testid="tasks-gen-done" data-tasks={made.groups.length} data-clients={made.clients}>
            {t('tasks.gen.done', { tasks: formatCount(made.groups.length, locale), clients: formatCount(made.clients, locale), skipped: formatCount(made.skipped, locale) })}
          </Alert>
        )}
        {error !== null && <ErrorAlert error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} data-testid="tasks-gen-close">
          {t(made === null ? 'common.cancel' : 'tasks.close')}
        </Button>
        {made === null && (
          <Button variant="outlined" onClick={() => run(true)} disabled={busy || !valid} data-testid="tasks-gen-preview">
            {t('tasks.gen.preview')}
          </Button>
        )}
        {made === null && (
          <Button variant="contained" onClick={() => run(false)} disabled={busy || preview === null || preview.clients === 0} data-testid="tasks-gen-create">
            {preview === null ? t('tasks.gen.create') : t('tasks.gen.createN', { count: formatCount(preview.groups.length, locale) })}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
