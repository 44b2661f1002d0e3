import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { MANAGER_GRADES, MANAGER_STATUSES, MANAGER_TYPES } from '../../../../shared/model/manager.js';
import type { Manager, ManagerGrade, ManagerStatus, ManagerType } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useApi } from '../../api/ApiProvider.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';
import { gradeKey, managerStatusKey, managerTypeKey } from '../../i18n/labels.js';
import { flattenOrgTree } from './org-tree.js';

/** 人员变动: an effective-dated change of outlet, grade, type, status or caps for one manager. */
export function PeriodDialog(props: { manager: Manager; units: readonly OrgUnit[]; defaultFrom: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const { manager, units, onClose, onSaved } = props;
  const [from, setFrom] = useState(props.defaultFrom);
  const [orgUnitId, setOrgUnitId] = useState(manager.orgUnitId);
  const [grade, setGrade] = useState<ManagerGrade>(manager.grade);
  const [type, setType] = useState<ManagerType>(manager.type);
  const [status, setStatus] = useState<ManagerStatus>(manager.status);
  const [maxClients, setMaxClients] = useState(manager.maxClients === null ? '' : String(manager.maxClients));
  const capOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));
  return (
    <SaveDialog
      title={`${t('roster.change')}：${manager.name}（${manager.staffNo}）`}
      testId="period-save"
      canSave={from !== ''}
      onClose={onClose}
      onSaved={onSaved}
      save={() => api.call('managers.changePeriod', { managerId: manager.id, from, orgUnitId, grade, type, status, maxClients: capOrNull(maxClients) })}
    >
          <TextField type="date" label={t('roster.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'period-from' } }} />
          <TextField select label={t('managers.col.orgUnit')} value={orgUnitId} onChange={(e) => setOrgUnitId(Number(e.target.value))} data-testid="period-org">
            {flattenOrgTree(units).map(({ unit, depth }) => (
              <MenuItem key={unit.id} value={unit.id} sx={{ pl: 2 + depth * 2 }}>
                {unit.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('managers.col.grade')} value={grade} onChange={(e) => setGrade(e.target.value as ManagerGrade)}>
            {MANAGER_GRADES.map((g) => (
              <MenuItem key={g} value={g}>
                {t(gradeKey(g))}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('managers.col.type')} value={type} onChange={(e) => setType(e.target.value as ManagerType)}>
            {MANAGER_TYPES.map((x) => (
              <MenuItem key={x} value={x}>
                {t(managerTypeKey(x))}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('managers.col.status')} value={status} onChange={(e) => setStatus(e.target.value as ManagerStatus)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'period-status' } as object } }}>
            {MANAGER_STATUSES.map((s) => (
              <MenuItem key={s} value={s} data-testid={`period-status-option-${s}`}>
                {t(managerStatusKey(s))}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('managers.col.maxClients')}
            helperText={t('roster.capHint')}
            value={maxClients}
            onChange={(e) => setMaxClients(e.target.value.replace(/\D/g, ''))}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
    </SaveDialog>
  );
}
