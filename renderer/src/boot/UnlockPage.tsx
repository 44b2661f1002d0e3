import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../../shared/api/errors.js';
import type { AppInfo } from '../../../shared/api/ops/system.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useLocale, useT } from '../i18n/I18nProvider.js';
import { baseName } from '../shell/app-state.js';

/** How long the server asked to wait before the next attempt (a throttled or throttling answer), in ms. */
function retryAfterMs(error: ApiError): number {
  const value = error.details?.['retryAfterMs'];
  return typeof value === 'number' && value > 0 ? value : 0;
}

/** Ticks once a second while a wait runs, so the countdown and the button follow it. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * 解锁工作区: an encrypted workspace started without its key. The passphrase goes to the main process once and is
 * not kept here (the field is cleared after each attempt). Unlocked, the shell boots again and shows the sign-in.
 */
export function UnlockPage(props: { info: AppInfo; onUnlocked: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale, adoptLocale } = useLocale();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const now = useNow(waitUntil > 0);
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const recovery = props.info.unlockWith === 'recovery';

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (busy || passphrase === '' || waitSeconds > 0) return;
    setBusy(true);
    setError(null);
    const given = passphrase;
    setPassphrase('');
    api.call('system.unlock', { passphrase: given }).then(
      (r) => {
        setBusy(false);
        if (r.ok) return props.onUnlocked();
        setError(r.error);
        const wait = retryAfterMs(r.error);
        setWaitUntil(wait > 0 ? Date.now() + wait : 0);
      },
      (err: unknown) => {
        setBusy(false);
        setError({ code: 'INTERNAL', message: String(err) });
      },
    );
  };

  const wrong = error !== null && error.code === 'STORE_KEY' && error.details?.['throttled'] !== true;
  const throttled = error !== null && error.code === 'STORE_KEY' && error.details?.['throttled'] === true;
  return (
    <Stack sx={{ alignItems: 'center', mt: { xs: 4, md: 10 }, px: 2 }} data-testid="unlock-page" data-unlock-with={props.info.unlockWith ?? 'passphrase'}>
      <Card variant="outlined" sx={{ width: '100%', maxWidth: 480 }}>
        <CardContent component="form" onSubmit={submit} noValidate>
          <Stack sx={{ gap: 2 }}>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <LockIcon color="primary" />
              <Typography variant="h2" component="h1" sx={{ flexGrow: 1 }}>
                {t('unlock.title')}
              </Typography>
              <Button size="small" onClick={() => adoptLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="unlock-language">
                {t('unlock.otherLanguage')}
              </Button>
            </Stack>
            <Typography sx={{ color: 'text.secondary' }}>{recovery ? t('unlock.introRecovery') : t('unlock.intro')}</Typography>
            <Box>
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                {t('unlock.file')}
              </Typography>
              <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} title={props.info.storeFile} data-testid="unlock-file">
                {baseName(props.info.storeFile)}
              </Typography>
            </Box>
            <TextField
              label={recovery ? t('unlock.recoveryPassphrase') : t('unlock.passphrase')}
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="off"
              autoFocus
              slotProps={{ htmlInput: { 'data-testid': 'unlock-passphrase', maxLength: 1024 } }}
              fullWidth
            />
            {wrong && (
              <Alert severity="error" data-testid="unlock-error" data-error-code="STORE_KEY">
                {t('unlock.wrong')}
              </Alert>
            )}
            {waitSeconds > 0 && (
              <Alert severity="warning" data-testid="unlock-wait">
                {t('unlock.wait', { seconds: waitSeconds })}
              </Alert>
            )}
            {error !== null && !wrong && !throttled && <ErrorAlert error={error} />}
            <Button type="submit" variant="contained" disabled={busy || passphrase === '' || waitSeconds > 0} data-testid="unlock-submit">
              {busy ? t('unlock.busy') : t('unlock.submit')}
            </Button>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('unlock.note')}
            </Typography>
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
}
