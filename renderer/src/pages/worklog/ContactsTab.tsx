import { Alert, Button, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useEffect, useState } from 'react';
import type { ContactEntry } from '../../../../shared/worklog/types.js';
import { useApi } from '../../api/ApiProvider.js';
import type { PageState } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ContactDialog } from './ContactDialog.js';
import { ContactsFilters, EMPTY_FILTERS, listInput } from './ContactsFilters.js';
import type { ContactFilterForm } from './ContactsFilters.js';
import { ContactsTable, DeleteDialog } from './ContactsTable.js';

type Cursor = { at: string; id: number };
type Editing = { kind: 'add' } | { kind: 'edit'; entry: ContactEntry } | { kind: 'delete'; entry: ContactEntry } | null;

/** 联系记录: the log newest first, filtered; pages go back in time by keyset (older entries), never by offset. */
export function ContactsTab(props: { onState: (s: PageState) => void }) {
  const t = useT();
  const api = useApi();
  const staff = useAuth().user.role !== 'manager';
  const [filters, setFilters] = useState<ContactFilterForm>(EMPTY_FILTERS);
  const [cursors, setCursors] = useState<Cursor[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const before = cursors[cursors.length - 1];
  const page = useApiQuery('contacts.list', { ...listInput(filters), ...(before === undefined ? {} : { before }), limit: 50 });
  const { onState } = props;
  useEffect(() => onState(page.state), [onState, page.state]);
  const rows = page.state === 'ready' ? page.value.rows : (page.latest?.rows ?? []);
  const next = page.state === 'ready' ? page.value.nextCursor : null;
  const changeFilters = (f: ContactFilterForm): void => {
    setFilters(f);
    setCursors([]);
  };
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ kind: 'add' })} data-testid="worklog-add">
          {t('worklog.add')}
        </Button>
        <DownloadButton label={t('worklog.template')} failedTitle={t('worklog.templateFailed')} testId="worklog-template" fetch={() => api.call('contacts.template', {})} />
      </Stack>
      <ContactsFilters value={filters} onChange={changeFilters} staff={staff} />
      {page.state === 'error' && <ErrorAlert error={page.error} onRetry={page.reload} />}
      {page.state === 'ready' && rows.length === 0 ? (
        <Alert severity="info">{t('worklog.empty')}</Alert>
      ) : (
        <ContactsTable rows={rows} onEdit={(entry) => setEditing({ kind: 'edit', entry })} onDelete={(entry) => setEditing({ kind: 'delete', entry })} />
      )}
      <Stack direction="row" sx={{ gap: 1 }}>
        {cursors.length > 0 && (
          <Button size="small" onClick={() => setCursors([])} data-testid="worklog-first">
            {t('worklog.first')}
          </Button>
        )}
        {next !== null && (
          <Button size="small" onClick={() => setCursors((c) => [...c, next])} data-testid="worklog-next">
            {t('worklog.next')}
          </Button>
        )}
      </Stack>
      {editing?.kind === 'add' && <ContactDialog onClose={() => setEditing(null)} onSaved={page.reload} />}
      {editing?.kind === 'edit' && <ContactDialog entry={editing.entry} onClose={() => setEditing(null)} onSaved={page.reload} />}
      {editing?.kind === 'delete' && <DeleteDialog entry={editing.entry} onClose={() => setEditing(null)} onSaved={page.reload} />}
    </Stack>
  );
}
