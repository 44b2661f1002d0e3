import { CssBaseline, ThemeProvider } from '@mui/material';
import { StrictMode } from 'react';
import { ApiProvider } from '../api/ApiProvider.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import type { LocaleRef } from '../i18n/I18nProvider.js';
import { Shell } from '../shell/Shell.js';
import { theme } from '../shell/theme.js';
import { NoTokenPage } from './NoTokenPage.js';
import type { Boot } from './transport.js';

export function Root(props: { boot: Boot; localeRef: LocaleRef }) {
  const { boot, localeRef } = props;
  return (
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {boot.kind === 'no-token' ? (
          <NoTokenPage />
        ) : (
          <ApiProvider client={boot.client}>
            <I18nProvider localeRef={localeRef}>
              <Shell />
            </I18nProvider>
          </ApiProvider>
        )}
      </ThemeProvider>
    </StrictMode>
  );
}
