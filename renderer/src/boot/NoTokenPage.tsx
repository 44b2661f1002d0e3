import { Paper, Stack, Typography } from '@mui/material';
import KeyOffIcon from '@mui/icons-material/KeyOff';
import { useEffect } from 'react';
import { LOCALES } from '../../../shared/i18n/locale.js';
import { MESSAGES } from '../i18n/messages.js';
import { setAppState } from '../shell/app-state.js';

/** Shown in browser mode without a token. No preference can be read yet, so it speaks both languages. */
export function NoTokenPage() {
  useEffect(() => {
    setAppState('no-token');
  }, []);
  return (
    <Stack sx={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', p: 3 }}>
      <Paper variant="outlined" data-testid="no-token" sx={{ p: 4, maxWidth: 640, display: 'flex', gap: 3 }}>
        <KeyOffIcon color="primary" sx={{ fontSize: 40 }} aria-hidden />
        <Stack sx={{ gap: 3 }}>
          {LOCALES.map((locale) => (
            <Stack key={locale} lang={locale} sx={{ gap: 1 }}>
              <Typography variant="h1" component="h2">
                {MESSAGES[locale]['noToken.title']}
              </Typography>
              <Typography sx={{ color: 'text.secondary' }}>{MESSAGES[locale]['noToken.body']}</Typography>
            </Stack>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
