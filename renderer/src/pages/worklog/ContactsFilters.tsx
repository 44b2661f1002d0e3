import { Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { pickText } from '../../../../shared/i18n/locale.js';
import { CHANNEL_LABELS, CONTACT_CHANNELS } from '../../../../shared/worklog/types.js';
import type { ContactChannel } from '../../../../shared/worklog/types.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { EMPTY_SHOWN } from './worklog-view.js';

export interface ContactFilterForm {
  managerId: string;
  clientNo: string;
  channel: ContactChannel | '';
  from: string;
  to: string;
  followUpDue: boolean;
}

export const EMPTY_FILTERS: ContactFilterForm = { managerId: '', clientNo: '', channel: '', from: '', to: '', followUpDue: false };

/** The list request of a filter form: blank fields are left out. */
export function listInput(f: ContactFilterForm) {
  return {
    ...(f.managerId === '' ? {} : { managerId: Number(f.managerId) }),
    ...(f.clientNo.trim() === '' ? {} : { clientNo: f.clientNo.trim() }),
    ...(f.channel === '' ? {} : { channel: f.channel }),
    ...(f.from === '' ? {} : { from: f.from }),
    ...(f.to === '' ? {} : { to: f.to }),
    ...(f.followUpDue ? { followUpDue: true } : {}),
  };
}

/** The work-log filters; the manager choice is for supervisors and administrators (a manager sees only their own). */
export function ContactsFilters(props: { value: ContactFilterForm; onChange: (f: ContactFilterForm) => void; staff: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const managers = useApiQuery('managers.list', {});
  const f = props.value;
  const set = <K extends keyof ContactFilterForm>(k: K, v: ContactFilterForm[K]): void => props.onChange({ ...f, [k]: v });
  const dateProps = { size: 'small', type: 'date', slotProps: { inputLabel: { shrink: true } }, sx: { width: 160 } } as const;
  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }} data-testid="worklog-filters">
      {props.staff && (
        <TextField select size="small" label={t('worklog.filter.manager')} value={f.managerId} onChange={(e) => set('managerId', e.target.value)} sx={{ width: 180 }} slotProps={EMPTY_SHOWN} data-testid="worklog-filter-manager">
          <MenuItem value="">{t('worklog.filter.anyManager')}</MenuItem>
          {(managers.state === 'ready' ? managers.value : []).map((m) => (
            <MenuItem key={m.id} value={String(m.id)}>{`${m.name}（${m.staffNo}）`}</MenuItem>
          ))}
        </TextField>
      )}
      <TextField size="small" label={t('worklog.filter.clientNo')} value={f.clientNo} onChange={(e) => set('clientNo', e.target.value)} sx={{ width: 150 }} slotProps={{ htmlInput: { 'data-testid': 'worklog-filter-client' } }} />
      <TextField select size="small" label={t('worklog.filter.channel')} value={f.channel} onChange={(e) => set('channel', e.target.value as ContactChannel | '')} sx={{ width: 130 }} slotProps={EMPTY_SHOWN} data-testid="worklog-filter-channel">
        <MenuItem value="">{t('worklog.filter.anyChannel')}</MenuItem>
        {CONTACT_CHANNELS.map((c) => (
          <MenuItem key={c} value={c}>
            {pickText(CHANNEL_LABELS[c], locale)}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...dateProps} label={t('worklog.filter.from')} value={f.from} onChange={(e) => set('from', e.target.value)} />
      <TextField {...dateProps} label={t('worklog.filter.to')} value={f.to} onChange={(e) => set('to', e.target.value)} />
      <FormControlLabel control={<Checkbox checked={f.followUpDue} onChange={(e) => set('followUpDue', e.target.checked)} data-testid="worklog-filter-follow-up" />} label={t('worklog.filter.followUp')} />
    </Stack>
  );
}
