import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/errors.js';
import type { SignedIn, UserInfo } from '../../../shared/api/ops/auth.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/I18nProvider.js';

function AuthCard(props: { title: string; testId: string; intro?: string | undefined; children: ReactNode; onSubmit: () => void }) {
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Stack sx={{ alignItems: 'center', mt: { xs: 4, md: 10 }, px: 2 }} data-testid={props.testId}>
      <Card variant="outlined" sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent component="form" onSubmit={submit} noValidate>
          <Stack sx={{ gap: 2 }}>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <LockIcon color="primary" />
              <Typography variant="h2" component="h1">
                {props.title}
              </Typography>
            </Stack>
            {props.intro !== undefined && <Typography sx={{ color: 'text.secondary' }}>{props.intro}</Typography>}
            {props.children}
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
}

function field(id: string, label: string, value: string, set: (v: string) => void, type = 'text', autoComplete?: string) {
  return (
    <TextField
      label={label}
      type={type}
      value={value}
      onChange={(e) => set(e.target.value)}
      autoComplete={autoComplete}
      slotProps={{ htmlInput: { 'data-testid': id, maxLength: 200 } }}
      fullWidth
    />
  );
}

function useSubmit<T>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>, onDone: (v: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (): void => {
    setBusy(true);
    setError(null);
    run().then(
      (r) => {
        setBusy(false);
        if (r.ok) onDone(r.value);
        else setError(r.error);
      },
      (e: unknown) => {
        setBusy(false);
        setError({ code: 'INTERNAL', message: String(e) });
      },
    );
  };
  return { busy, error, submit };
}

/** 首次启动: the administrator account, with a strong password. */
export function SetupPage(props: { onDone: (s: SignedIn) => void }) {
  const t = useT();
  const api = useApi();
  const [username, setUsername] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm !== '' && confirm !== password;
  const { busy, error, submit } = useSubmit(() => api.call('auth.setup', { username, displayName, password }), props.onDone);
  return (
    <AuthCard title={t('auth.setup.title')} intro={t('auth.setup.intro')} testId="auth-setup" onSubmit={() => !mismatch && submit()}>
      {field('setup-username', t('auth.username'), username, setUsername, 'text', 'username')}
      {field('setup-display-name', t('auth.displayName'), displayName, setDisplayName)}
      {field('setup-password', t('auth.password'), password, setPassword, 'password', 'new-password')}
      {field('setup-confirm', t('auth.confirm'), confirm, setConfirm, 'password', 'new-password')}
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {t('auth.passwordRule')}
      </Typography>
      {mismatch && <Alert severity="warning">{t('auth.mismatch')}</Alert>}
      {error !== null && <ErrorAlert error={error} />}
      <Button type="submit" variant="contained" disabled={busy || mismatch || password === '' || displayName.trim() === ''} data-testid="setup-submit">
        {t('auth.setup.submit')}
      </Button>
    </AuthCard>
  );
}

/** 登录, also the lock screen after idle minutes. */
export function LoginPage(props: { locked: boolean; onDone: (s: SignedIn) => void }) {
  const t = useT();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(() => api.call('auth.login', { username, password }), props.onDone);
  return (
    <AuthCard title={props.locked ? t('auth.locked.title') : t('auth.login.title')} intro={props.locked ? t('auth.locked.intro') : undefined} testId="auth-login" onSubmit={submit}>
      {field('login-username', t('auth.username'), username, setUsername, 'text', 'username')}
      {field('login-password', t('auth.password'), password, setPassword, 'password', 'current-password')}
      {error !== null && <ErrorAlert error={error} />}
      <Button type="submit" variant="contained" disabled={busy || username === '' || password === ''} data-testid="login-submit">
        {t('auth.login.submit')}
      </Button>
    </AuthCard>
  );
}

/** After the administrator set a first password: the user picks their own before anything else. */
export function ChangePasswordPage(props: { user: UserInfo; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm !== '' && confirm !== newPassword;
  const { busy, error, submit } = useSubmit(() => api.call('auth.changePassword', { oldPassword, newPassword }), props.onDone);
  return (
    <AuthCard title={t('auth.change.title')} intro={t('auth.change.intro', { name: props.user.displayName })} testId="auth-change" onSubmit={() => !mismatch && submit()}>
      {field('change-old', t('auth.change.old'), oldPassword, setOld, 'password', 'current-password')}
      {field('change-new', t('auth.change.new'), newPassword, setNew, 'password', 'new-password')}
      {field('change-confirm', t('auth.confirm'), confirm, setConfirm, 'password', 'new-password')}
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {t('auth.passwordRule')}
      </Typography>
      {mismatch && <Alert severity="warning">{t('auth.mismatch')}</Alert>}
      {error !== null && <ErrorAlert error={error} />}
      <Button type="submit" variant="contained" disabled={busy || mismatch || newPassword === ''} data-testid="change-submit">
        {t('auth.change.submit')}
      </Button>
    </AuthCard>
  );
}
