import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { pickText } from '../../../../shared/i18n/locale.js';
import { CHANNEL_LABELS, CONTACT_CHANNELS } from '../../../../shared/worklog/types.js';
import type { ContactChannel, ContactEntry } from '../../../../shared/worklog/types.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { useClientLookup } from './useClientLookup.js';
import { EMPTY_SHOWN, localDateTimeInput, toDateTimeInput } from './worklog-view.js';

interface Form {
  clientNo: string;
  managerId: string;
  contactAt: string;
  channel: ContactChannel;
  purpose: string;
  outcome: string;
  nextStep: string;
  followUpOn: string;
}

function initialForm(entry: ContactEntry | undefined, clientNo: string | undefined): Form {
  if (entry !== undefined) {
    return {
      clientNo: entry.clientNo,
      managerId: String(entry.managerId),
      contactAt: toDateTimeInput(entry.contactAt),
      channel: entry.channel,
      purpose: entry.purpose ?? '',
      outcome: entry.outcome ?? '',
      nextStep: entry.nextStep ?? '',
      followUpOn: entry.followUpOn ?? '',
    };
  }
  return { clientNo: clientNo ?? '', managerId: '', contactAt: localDateTimeInput(new Date()), channel: 'phone', purpose: '', outcome: '', nextStep: '', followUpOn: '' };
}

/**
 * 记一笔 / 修改: one contact. The client is typed by number and looked up (a client manager finds only their own);
 * a supervisor may name the manager, else the entry is the client's primary manager's. The server checks the rest.
 */
export function ContactDialog(props: { entry?: ContactEntry; clientNo?: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const staff = useAuth().user.role !== 'manager';
  const editing = props.entry !== undefined;
  const [form, setForm] = useState<Form>(() => initialForm(props.entry, props.clientNo));
  const { result: found, lookup } = useClientLookup(props.entry === undefined ? props.clientNo : undefined);
  const current = found !== null && found.clientNo === form.clientNo.trim() ? found : null;
  const managers = useApiQuery('managers.list', {});
  const set = <K extends keyof Form>(k: K, v: Form[K]): void => setForm((f) => ({ ...f, [k]: v }));
  const notes = { purpose: form.purpose, outcome: form.outcome, nextStep: form.nextStep, followUpOn: form.followUpOn === '' ? null : form.followUpOn };
  const save = () =>
    props.entry !== undefined
      ? api.call('contacts.update', { id: props.entry.id, contactAt: form.contactAt, channel: form.channel, ...notes })
      : api.call('contacts.add', {
          clientNo: form.clientNo.trim(),
          ...(staff && form.managerId !== '' ? { managerId: Number(form.managerId) } : {}),
          contactAt: form.contactAt,
          channel: form.channel,
          ...notes,
        });
  const text = (k: 'purpose' | 'outcome' | 'nextStep', label: string, testId: string) => (
    <TextField size="small" label={label} value={form[k]} onChange={(e) => set(k, e.target.value)} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': testId } }} />
  );
  return (
    <SaveDialog
      title={t(editing ? 'worklog.dialog.edit' : 'worklog.dialog.add')}
      testId="worklog-dialog-save"
      saveLabel={t('worklog.dialog.save')}
      canSave={form.clientNo.trim() !== '' && form.contactAt !== ''}
      onClose={props.onClose}
      onSaved={props.onSaved}
      save={save}
    >
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label={t('worklog.dialog.clientNo')}
          value={form.clientNo}
          disabled={editing}
          onChange={(e) => set('clientNo', e.target.value)}
          onBlur={() => lookup(form.clientNo)}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'worklog-dialog-client-no' } }}
        />
        {!editing && (
          <Button onClick={() => lookup(form.clientNo)} data-testid="worklog-dialog-lookup">
            {t('worklog.dialog.lookup')}
          </Button>
        )}
      </Stack>
      {current !== null && 'name' in current && (
        <Typography variant="body2" data-testid="worklog-dialog-client">
          {t('worklog.dialog.clientFound', { name: current.name, tier: current.tier === null ? '—' : pickText(current.tier, locale) })}
        </Typography>
      )}
      {current !== null && 'error' in current && <ErrorAlert error={current.error} />}
      {staff && !editing && (
        <TextField select size="small" label={t('worklog.dialog.manager')} value={form.managerId} onChange={(e) => set('managerId', e.target.value)} slotProps={EMPTY_SHOWN} data-testid="worklog-dialog-manager">
          <MenuItem value="">{t('worklog.dialog.managerDefault')}</MenuItem>
          {(managers.state === 'ready' ? managers.value : []).map((m) => (
            <MenuItem key={m.id} value={String(m.id)}>{`${m.name}（${m.staffNo}）`}</MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        size="small"
        type="datetime-local"
        label={t('worklog.dialog.at')}
        value={form.contactAt}
        onChange={(e) => set('contactAt', e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'worklog-dialog-at' } }}
      />
      <TextField select size="small" label={t('worklog.dialog.channel')} value={form.channel} onChange={(e) => set('channel', e.target.value as ContactChannel)} data-testid="worklog-dialog-channel">
        {CONTACT_CHANNELS.map((c) => (
          <MenuItem key={c} value={c}>
            {pickText(CHANNEL_LABELS[c], locale)}
          </MenuItem>
        ))}
      </TextField>
      {text('purpose', t('worklog.dialog.purpose'), 'worklog-dialog-purpose')}
      {text('outcome', t('worklog.dialog.outcome'), 'worklog-dialog-outcome')}
      {text('nextStep', t('worklog.dialog.nextStep'), 'worklog-dialog-next')}
      <TextField
        size="small"
        type="date"
        label={t('worklog.dialog.followUp')}
        value={form.followUpOn}
        onChange={(e) => set('followUpOn', e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'worklog-dialog-follow-up' } }}
      />
    </SaveDialog>
  );
}
