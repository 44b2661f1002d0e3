import { Alert, Button, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useEffect, useState } from 'react';
import type { ClientFilters } from '../../../../shared/model/client-filters.js';
import { isFiltered } from '../../../../shared/model/client-filters.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { useRouteParam } from '../../routing/useHashRoute.js';
import { useAuth } from '../../auth/AuthGate.js';
import { AssignDialog } from './AssignDialog.js';
import { BookStatus } from './BookStatus.js';
import { ClientFiltersBar, normalizeFilters } from './ClientFiltersBar.js';
import { ClientView } from './ClientView.js';
import { ClientsTable } from './ClientsTable.js';
import { SavedViewsMenu } from './SavedViewsMenu.js';
import { MAX_LOADED_ROWS, useClientPages } from './useClientPages.js';
import { useDirectory } from './useDirectory.js';

const SEARCH_DELAY_MS = 300;

/** `#/clients` is the list; `#/clients/<id>` one client's page. */
export function ClientsPage() {
  const param = useRouteParam();
  const id = param === null ? NaN : Number(param);
  return Number.isInteger(id) && id > 0 ? <ClientView id={id} /> : <ClientList />;
}

function ClientList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<ClientFilters>({});
  const pages = useClientPages(filters);
  const count = useApiQuery('clients.count', filters);
  const directory = useDirectory();
  const units = useApiQuery('org.tree', {});
  const managers = useApiQuery('managers.list', {});
  const { user } = useAuth();
  const canAssign = user.role !== 'manager';
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [assigning, setAssigning] = useState(false);
  const selection = {
    selected,
    toggle: (id: number) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (on: boolean) => setSelected(on ? new Set(pages.rows.map((r) => r.id)) : new Set()),
  };

  // Search as the user types, but only once they pause.
  const searchPending = text.trim() !== (filters.search ?? '');
  useEffect(() => {
    if (!searchPending) return;
    const timer = window.setTimeout(() => setFilters((f) => normalizeFilters({ ...f, search: text })), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, searchPending]);

  const apply = (f: ClientFilters): void => {
    const next = normalizeFilters(f);
    setText(next.search ?? '');
    setFilters(next);
  };
  // A typed search not yet sent counts as loading, so `data-state="ready"` always describes what is typed.
  const state = searchPending ? 'loading' : pages.state;
  const total = count.state === 'ready' ? count.value.count : null;
  const emptyStore = total === 0 && !isFiltered(filters) && text === '';

  if (emptyStore) {
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
    <PageRoot
      page="clients"
      state={state}
      actions={
        <Stack direction="row" sx={{ gap: 1 }}>
          <SavedViewsMenu filters={filters} onApply={apply} />
          <DownloadButton label={t('clients.export')} failedTitle={t('clients.exportFailed')} testId="clients-export" fetch={() => api.call('clients.export', filters)} />
        </Stack>
      }
    >
      <BookStatus
        onRecomputed={() => {
          pages.reload();
          count.reload();
        }}
      />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <TextField
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply({ ...filters, search: text });
          }}
          label={t('clients.searchLabel')}
          placeholder={t('clients.searchPlaceholder')}
          size="small"
          sx={{ flex: '1 1 320px', maxWidth: 420 }}
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
        <Typography sx={{ color: 'text.secondary' }} data-testid="clients-count" data-count={total ?? ''}>
          {total === null ? '' : t('clients.count', { count: formatCount(total, locale) })}
          {total !== null && total > MAX_LOADED_ROWS ? ` · ${t('clients.narrowHint', { max: formatCount(MAX_LOADED_ROWS, locale) })}` : ''}
        </Typography>
      </Stack>
      <ClientFiltersBar filters={filters} onChange={apply} units={units.state === 'ready' ? units.value : []} managers={managers.state === 'ready' ? managers.value : []} />
      {canAssign && selected.size > 0 && (
        <Alert
          severity="info"
          data-testid="selection-bar"
          action={
            <Stack direction="row" sx={{ gap: 1 }}>
              <Button size="small" variant="contained" onClick={() => setAssigning(true)} data-testid="assign-open">
                {t('assign.open')}
              </Button>
              <Button size="small" onClick={() => setSelected(new Set())}>
                {t('assign.clear')}
              </Button>
            </Stack>
          }
        >
          {t('assign.selected', { count: formatCount(selected.size, locale) })}
        </Alert>
      )}
      {assigning && (
        <AssignDialog
          clientIds={[...selected]}
          managers={managers.state === 'ready' ? managers.value : []}
          onClose={() => setAssigning(false)}
          onSaved={() => {
            setSelected(new Set());
            pages.reload();
            count.reload();
          }}
        />
      )}
      {pages.state === 'error' && pages.error !== null && <ErrorAlert error={pages.error} onRetry={pages.reload} />}
      {state === 'ready' && pages.rows.length === 0 && (
        <Alert severity="info" data-testid="clients-no-match">
          {t('clients.noMatchFilters')}
        </Alert>
      )}
      {pages.rows.length > 0 && (
        <ClientsTable rows={pages.rows} directory={directory} hasMore={pages.hasMore} onNearEnd={pages.loadMore} resetKey={JSON.stringify(filters)} {...(canAssign ? { selection } : {})} />
      )}
    </PageRoot>
  );
}
