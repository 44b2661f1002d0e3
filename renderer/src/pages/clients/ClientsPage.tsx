import { Alert, InputAdornment, Stack, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useEffect, useRef, useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ClientsPager } from './ClientsPager.js';
import { ClientsTable } from './ClientsTable.js';
import { firstPage, nextPage, pageInput, pageNumber, previousPage } from './paging.js';
import type { ClientPaging } from './paging.js';
import { useDirectory } from './useDirectory.js';

const SEARCH_DELAY_MS = 300;

export function ClientsPage() {
  const t = useT();
  const [text, setText] = useState('');
  const [paging, setPaging] = useState<ClientPaging>(() => firstPage(''));
  const page = useApiQuery('clients.list', pageInput(paging));
  const directory = useDirectory();
  const tableRef = useRef<HTMLDivElement>(null);

  // Search as the user types, but only once they pause, and always from the first page.
  const searchPending = text.trim() !== paging.search;
  useEffect(() => {
    if (!searchPending) return;
    const timer = window.setTimeout(() => setPaging(firstPage(text)), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, searchPending]);

  // Each new page starts at its first row. Braces matter: Chromium's scrollTo now returns a promise,
  // and an effect must return nothing or a cleanup function.
  useEffect(() => {
    if (tableRef.current !== null) tableRef.current.scrollTop = 0;
  }, [paging]);

  const shown = page.state === 'error' ? null : page.latest;
  const rows = shown?.rows ?? [];
  const nextCursor = page.state === 'ready' ? page.value.nextCursor : null;
  const emptyStore = page.state === 'ready' && rows.length === 0 && paging.search === '' && paging.afters.length === 0;
  // A typed search not yet sent counts as loading, so `data-state="ready"` always describes what is typed.
  const state = searchPending ? 'loading' : page.state;

  if (emptyStore && text === '') {
    return (
      <PageRoot page="clients" state={state}>
        <EmptyState
          testId="clients-empty"
          title={t('clients.empty.title')}
          body={t('clients.empty.body')}
          actions={[
            { to: 'import', label: t('common.goImport') },
            { to: 'settings', label: t('common.goDemo') },
          ]}
        />
      </PageRoot>
    );
  }

  return (
    <PageRoot page="clients" state={state}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
        <TextField
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setPaging(firstPage(text));
          }}
          label={t('clients.searchLabel')}
          placeholder={t('clients.searchPlaceholder')}
          size="small"
          sx={{ flex: '1 1 320px', maxWidth: 480 }}
          slotProps={{
            htmlInput: { 'data-testid': 'clients-search', maxLength: 64 },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
        />
        <ClientsPager
          page={pageNumber(paging)}
          count={rows.length}
          canGoBack={paging.afters.length > 0 && page.state !== 'loading'}
          canGoForward={nextCursor !== null && !searchPending}
          onBack={() => setPaging(previousPage(paging))}
          onForward={() => setPaging(nextPage(paging, nextCursor))}
        />
      </Stack>
      {page.state === 'error' && <ErrorAlert error={page.error} onRetry={page.reload} />}
      {state === 'ready' && rows.length === 0 && (
        <Alert severity="info" data-testid="clients-no-match">
          {t('clients.noMatch', { search: paging.search })}
        </Alert>
      )}
      {rows.length > 0 && <ClientsTable ref={tableRef} rows={rows} directory={directory} />}
    </PageRoot>
  );
}
