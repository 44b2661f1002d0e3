import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { ORG_LEVELS } from '../../../../shared/model/org.js';
import type { OrgLevel, OrgUnit } from '../../../../shared/model/org.js';
import { useApi } from '../../api/ApiProvider.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';
import { orgLevelKey } from '../../i18n/labels.js';
import { flattenOrgTree } from './org-tree.js';

const NONE = 0;

/** Adds an org unit (with `unit` null) or edits one by hand. */
export function UnitDialog(props: { unit: OrgUnit | null; parentId: number | null; units: readonly OrgUnit[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const { unit, units, onClose, onSaved } = props;
  const [code, setCode] = useState(unit?.code ?? '');
  const [name, setName] = useState(unit?.name ?? '');
  const [level, setLevel] = useState<OrgLevel>(unit?.level ?? 'outlet');
  const [parentId, setParentId] = useState<number>(unit === null ? (props.parentId ?? NONE) : (unit.parentId ?? NONE));
  const [headName, setHeadName] = useState(unit?.headName ?? '');
  const [address, setAddress] = useState(unit?.address ?? '');
  const [phone, setPhone] = useState(unit?.phone ?? '');
  const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
  const save = () =>
    api.call('org.saveUnit', {
        ...(unit === null ? {} : { id: unit.id }),
        code,
        name,
        level,
        parentId: parentId === NONE ? null : parentId,
        headName: orNull(headName),
        address: orNull(address),
        phone: orNull(phone),
      });
  return (
    <SaveDialog title={unit === null ? t('org.add') : t('org.edit')} testId="unit-save" canSave={code.trim() !== '' && name.trim() !== ''} onClose={onClose} onSaved={onSaved} save={save}>
          <TextField label={t('org.code')} value={code} onChange={(e) => setCode(e.target.value)} slotProps={{ htmlInput: { maxLength: 32, 'data-testid': 'unit-code' } }} />
          <TextField label={t('org.name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'unit-name' } }} />
          <TextField select label={t('org.level')} value={level} onChange={(e) => setLevel(e.target.value as OrgLevel)}>
            {ORG_LEVELS.map((l) => (
              <MenuItem key={l} value={l}>
                {t(orgLevelKey(l))}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('org.parent')} value={parentId} onChange={(e) => setParentId(Number(e.target.value))}>
            <MenuItem value={NONE}>{t('org.noParent')}</MenuItem>
            {flattenOrgTree(units)
              .filter(({ unit: u }) => u.id !== unit?.id)
              .map(({ unit: u, depth }) => (
                <MenuItem key={u.id} value={u.id} sx={{ pl: 2 + depth * 2 }}>
                  {u.name}
                </MenuItem>
              ))}
          </TextField>
          <TextField label={t('org.head')} value={headName} onChange={(e) => setHeadName(e.target.value)} />
          <TextField label={t('org.address')} value={address} onChange={(e) => setAddress(e.target.value)} />
          <TextField label={t('org.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} />
    </SaveDialog>
  );
}
