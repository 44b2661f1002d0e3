import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Progress } from '../../../../shared/api/contract.js';
import { DEMO_PHASES } from '../../../../shared/api/ops/demo-phases.js';
import type { DemoPhase } from '../../../../shared/api/ops/demo-phases.js';
import type { DemoReport } from '../../../../shared/api/ops/demo.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import type { MessageKey } from '../../i18n/messages.js';
import { hrefFor } from '../../routing/routes.js';
import { baseName } from '../../shell/app-state.js';
import { useAppInfo, useDemoJob } from '../../shell/ShellContext.js';
import { DEFAULT_DEMO_SIZE, DEMO_SIZES, demoInput, demoSize, progressPercent } from './demo-sizes.js';
import { SUMMARY_COUNTS } from '../dashboard/summary.js';

/** Building the demo is long, admin-only and adds data, hence the confirmation, progress and cancel. */
export function DemoCard() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const info = useAppInfo();
  const { job, state } = useDemoJob();
  const [sizeId, setSizeId] = useState(DEFAULT_DEMO_SIZE);
  const [confirming, setConfirming] = useState(false);
  const size = demoSize(sizeId);
  const running = state.status === 'running';
  const n = (value: number): string => formatCount(value, locale);

  const build = (): void => {
    setConfirming(false);
    job.start((signal, onProgress) => api.call('demo.build', demoInput(size), { signal, onProgress }));
  };

  return (
    <Card data-testid="demo-card" data-job={state.status}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h2">{t('settings.demo.title')}</Typography>
        <Typography sx={{ color: 'text.secondary', maxWidth: '80ch' }}>{t('settings.demo.body')}</Typography>
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={t('settings.demo.size')}
            value={sizeId}
            disabled={running}
            onChange={(e) => setSizeId(e.target.value)}
            sx={{ minWidth: 280 }}
            data-testid="demo-size"
          >
            {DEMO_SIZES.map((s) => (
              <MenuItem key={s.id} value={s.id} data-testid={`demo-size-${s.id}`}>
                {t('settings.demo.sizeOption', { clients: n(s.clients), managers: n(s.managers) })}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" disabled={running} onClick={() => setConfirming(true)} data-testid="demo-build">
            {t('settings.demo.build')}
          </Button>
        </Stack>
        {state.status === 'running' && (
          <DemoProgress progress={state.progress} cancelling={state.cancelling} onCancel={() => job.cancel()} />
        )}
        {state.status === 'done' && <DemoResult report={state.value} />}
        {state.status === 'cancelled' && (
          <Alert severity="info" data-testid="demo-cancelled" onClose={() => job.reset()}>
            {t('settings.demo.cancelled')}
          </Alert>
        )}
        {state.status === 'failed' && (
          <Box data-testid="demo-error">
            <ErrorAlert title={t('settings.demo.failed')} error={state.error} />
          </Box>
        )}
      </CardContent>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="demo-confirm-title">
        <DialogTitle id="demo-confirm-title">{t('settings.demo.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('settings.demo.confirmBody', {
              file: baseName(info.storeFile),
              clients: n(size.clients),
              managers: n(size.managers),
            })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} data-testid="demo-confirm-cancel">
            {t('common.cancel')}
          </Button>
          <Button variant="contained" onClick={build} data-testid="demo-confirm" autoFocus>
            {t('settings.demo.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}

/** Known phases get a label in the UI language; an unknown one shows as the server named it. */
function phaseLabel(t: ReturnType<typeof useT>, phase: string): string {
  return (DEMO_PHASES as readonly string[]).includes(phase) ? t(`demo.phase.${phase as DemoPhase}`) : phase;
}

function DemoProgress(props: { progress: Progress | null; cancelling: boolean; onCancel: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { progress, cancelling, onCancel } = props;
  const percent = progress === null ? null : progressPercent(progress.done, progress.total);
  const vars =
    progress === null
      ? null
      : {
          phase: phaseLabel(t, progress.phase),
          done: formatCount(progress.done, locale),
          total: progress.total === undefined ? '' : formatCount(progress.total, locale),
        };
  return (
    <Stack sx={{ gap: 1 }} data-testid="demo-progress" data-phase={progress?.phase ?? ''}>
      <LinearProgress
        variant={percent === null ? 'indeterminate' : 'determinate'}
        value={percent ?? 0}
        aria-label={t('app.demoRunning')}
      />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography sx={{ flexGrow: 1, fontVariantNumeric: 'tabular-nums' }} data-testid="demo-progress-text">
          {vars === null
            ? t('settings.demo.starting')
            : t(progress?.total === undefined ? 'settings.demo.progressNoTotal' : 'settings.demo.progress', vars)}
          {progress?.message !== undefined && ` · ${progress.message}`}
        </Typography>
        <Button color="warning" variant="outlined" disabled={cancelling} onClick={onCancel} data-testid="demo-cancel">
          {t('settings.demo.cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}

const countKey = (key: (typeof SUMMARY_COUNTS)[number]): MessageKey => `summary.${key}`;

function DemoResult(props: { report: DemoReport }) {
  const t = useT();
  const { locale } = useLocale();
  const { counts, elapsedMs } = props.report;
  return (
    <Alert
      severity="success"
      data-testid="demo-result"
      action={
        <Button color="inherit" size="small" href={hrefFor('dashboard')}>
          {t('settings.demo.openDashboard')}
        </Button>
      }
    >
      <AlertTitle>{t('settings.demo.done', { seconds: (elapsedMs / 1000).toFixed(1) })}</AlertTitle>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 3, rowGap: 0.25, m: 0 }}>
        {SUMMARY_COUNTS.map((key) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Box component="dt">{t(countKey(key))}</Box>
            <Box component="dd" sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid={`demo-count-${key}`}>
              {formatCount(counts[key], locale)}
            </Box>
          </Box>
        ))}
      </Box>
    </Alert>
  );
}
