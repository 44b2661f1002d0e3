import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { PageState } from '../api/query-state.js';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import type { PageKey } from '../routing/routes.js';

export const navKey = (page: PageKey): MessageKey => `nav.${page}`;

/**
 * The root of every page, carrying the markers tests wait on:
 * `data-testid="page-<key>"` and `data-state="loading" | "ready" | "error"`.
 */
export function PageRoot(props: { page: PageKey; state: PageState; title?: string | undefined; actions?: ReactNode; children?: ReactNode }) {
  const t = useT();
  const { page, state, actions, children } = props;
  return (
    <Box
      component="section"
      data-testid={`page-${page}`}
      data-state={state}
      aria-busy={state === 'loading'}
      aria-labelledby={`page-title-${page}`}
      sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, minHeight: 40 }}>
        <Typography variant="h1" id={`page-title-${page}`}>
          {props.title ?? t(navKey(page))}
        </Typography>
        {actions}
      </Stack>
      <Box sx={{ height: 4 }}>{state === 'loading' && <LinearProgress />}</Box>
      {children}
    </Box>
  );
}
