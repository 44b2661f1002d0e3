import { Alert, Box, Button, CircularProgress, Snackbar, Stack, Toolbar, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.js';
import type { DemoReport } from '../../../shared/api/ops/demo.js';
import { createJobStore } from '../api/long-job.js';
import { AuthGate } from '../auth/AuthGate.js';
import { UnlockPage } from '../boot/UnlockPage.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useLocale, useT } from '../i18n/I18nProvider.js';
import { useHashRoute } from '../routing/useHashRoute.js';
import { setAppState } from './app-state.js';
import { NavDrawer } from './NavDrawer.js';
import { PageSwitch } from './PageSwitch.js';
import { ShellProvider } from './ShellContext.js';
import { TopBar } from './TopBar.js';
import { useShellBootstrap } from './useShellBootstrap.js';

/** At startup every operation is open to every role, so a refusal means the transport's token was refused. */
function tokenRejected(error: ApiError): boolean {
  return error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN';
}

export function Shell() {
  const t = useT();
  const { boot, retry } = useShellBootstrap();
  const page = useHashRoute();
  const [demoJob] = useState(() => createJobStore<DemoReport>());

  const locked = boot.state === 'ready' && boot.value.locked;
  // After the render that shows the reconciled language, so tests never see the language flip.
  useEffect(() => {
    setAppState(locked ? 'locked' : boot.state);
  }, [boot.state, locked]);

  if (boot.state === 'loading') {
    return (
      <Stack sx={{ height: '100vh', alignItems: 'center', justifyContent: 'center', gap: 2 }} data-testid="shell-loading">
        <CircularProgress />
        <Typography sx={{ color: 'text.secondary' }}>{t('app.loading')}</Typography>
      </Stack>
    );
  }
  if (boot.state === 'error') {
    return (
      <Stack sx={{ maxWidth: 720, mx: 'auto', mt: 10, px: 3, gap: 2 }} data-testid="shell-error">
        <Typography variant="h1">{t('app.loadFailedTitle')}</Typography>
        <ErrorAlert error={boot.error} {...(tokenRejected(boot.error) ? { title: t('app.tokenRejected') } : {})} />
        <Typography sx={{ color: 'text.secondary' }}>{t('app.loadFailedHint')}</Typography>
        <Box>
          <Button variant="contained" onClick={retry}>
            {t('common.retry')}
          </Button>
        </Box>
      </Stack>
    );
  }
  // An encrypted workspace started without its key: unlocking boots the shell again, on to sign-in.
  if (boot.value.locked) return <UnlockPage info={boot.value} onUnlocked={retry} />;
  return (
    <ShellProvider info={boot.value} demoJob={demoJob}>
      <AuthGate>
        <Box sx={{ display: 'flex', minHeight: '100vh' }}>
          <TopBar />
          <NavDrawer current={page} />
          <Box component="main" sx={{ flexGrow: 1, minWidth: 0 }}>
            <Toolbar />
            <PageSwitch page={page} />
          </Box>
        </Box>
      </AuthGate>
      <LocaleSaveError />
    </ShellProvider>
  );
}

function LocaleSaveError() {
  const t = useT();
  const { saveError, clearSaveError } = useLocale();
  return (
    <Snackbar open={saveError !== null} onClose={clearSaveError} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity="warning" onClose={clearSaveError} data-testid="locale-save-error">
        {t('app.localeSaveFailed', { message: saveError ?? '' })}
      </Alert>
    </Snackbar>
  );
}
