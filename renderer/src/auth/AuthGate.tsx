import { CircularProgress, Stack } from '@mui/material';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiClient } from '../../../shared/api/client.js';
import { api as contract } from '../../../shared/api/index.js';
import type { AuthStatus, SignedIn, UserInfo } from '../../../shared/api/ops/auth.js';
import { ApiProvider, useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import type { ApiError } from '../../../shared/api/errors.js';
import { ChangePasswordPage, LoginPage, SetupPage } from './AuthPages.js';

interface AuthValue {
  user: UserInfo;
  signOut: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

/** The signed-in user, for the app bar and role-dependent pages. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth outside <AuthGate>');
  return value;
}

type GateState = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'setup' } | { kind: 'login'; locked: boolean } | { kind: 'in'; user: UserInfo };

/**
 * Shows the app only to a signed-in user: the first start asks for the administrator account, later starts for
 * a sign-in, a reset password must be changed first. A call refused as unauthenticated (the session locked after
 * idle minutes) brings the sign-in back as a lock screen; the page underneath keeps its place.
 */
export function AuthGate(props: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<GateState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.call('auth.status', {}, { signal: controller.signal }).then(
      (r) => {
        if (controller.signal.aborted) return;
        if (!r.ok) return setState({ kind: 'error', error: r.error });
        const status: AuthStatus = r.value;
        setState(status.setupNeeded ? { kind: 'setup' } : status.user === null ? { kind: 'login', locked: false } : { kind: 'in', user: status.user });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [api, attempt]);

  // Every call of the pages goes through here: an "unauthenticated" answer to a signed-in user means the lock.
  const guarded = useMemo<ApiClient>(
    () => ({
      call: async (name, input, options) => {
        const result = await api.call(name, input, options);
        if (!result.ok && result.error.code === 'UNAUTHENTICATED' && !contract[name].public) setState((s) => (s.kind === 'in' ? { kind: 'login', locked: true } : s));
        return result;
      },
      upload: (name, data) => api.upload(name, data),
    }),
    [api],
  );
  const signedIn = useCallback((s: SignedIn) => setState({ kind: 'in', user: s.user }), []);
  const signOut = useCallback(() => {
    void api.call('auth.logout', {}).then(() => setState({ kind: 'login', locked: false }));
  }, [api]);
  const auth = useMemo<AuthValue | null>(() => (state.kind === 'in' ? { user: state.user, signOut } : null), [state, signOut]);

  switch (state.kind) {
    case 'loading':
      return (
        <Stack sx={{ height: '60vh', alignItems: 'center', justifyContent: 'center' }}>
          <CircularProgress />
        </Stack>
      );
    case 'error':
      return <ErrorAlert error={state.error} onRetry={() => setAttempt((a) => a + 1)} />;
    case 'setup':
      return <SetupPage onDone={signedIn} />;
    case 'login':
      return <LoginPage locked={state.locked} onDone={signedIn} />;
    case 'in':
      if (state.user.mustChangePassword) return <ChangePasswordPage user={state.user} onDone={() => setState({ kind: 'in', user: { ...state.user, mustChangePassword: false } })} />;
      return (
        <AuthContext.Provider value={auth}>
          <ApiProvider client={guarded}>{props.children}</ApiProvider>
        </AuthContext.Provider>
      );
  }
}
