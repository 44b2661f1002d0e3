import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import type { Manager } from '../../../../shared/model/manager.js';
import { useApi } from '../../api/ApiProvider.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';

const NOBODY = 0;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 分配管户: the selected clients to one manager (or to nobody) from a date, with a reason for the record. */
export function AssignDialog(props: { clientIds: readonly number[]; managers: readonly Manager[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const [managerId, setManagerId] = useState<number>(NOBODY);
  const [from, setFrom] = useState(today);
  const [reason, setReason] = useState('');
  const eligible = props.managers.filter((m) => m.status === 'active' || m.status === 'leave');
  return (
    <SaveDialog
      title={t('assign.title', { count: props.clientIds.length })}
      testId="assign-save"
      canSave={from !== ''}
      onClose={props.onClose}
      onSaved={props.onSaved}
      save={() => api.call('assignment.assign', { clientIds: [...props.clientIds], managerId: managerId === NOBODY ? null : managerId, from, ...(reason.trim() === '' ? {} : { reason }) })}
    >
      <TextField select label={t('assign.manager')} value={managerId} onChange={(e) => setManagerId(Number(e.target.value))} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'assign-manager' } as object } }}>
        <MenuItem value={NOBODY}>{t('assign.nobody')}</MenuItem>
        {eligible.map((m) => (
          <MenuItem key={m.id} value={m.id} data-testid={`assign-manager-option-${m.staffNo}`}>
            {m.name}（{m.staffNo}）
          </MenuItem>
        ))}
      </TextField>
      <TextField type="date" label={t('roster.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'assign-from' } }} />
      <TextField label={t('assign.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'assign-reason' } }} />
    </SaveDialog>
  );
}
