import { Checkbox, FormControlLabel, FormGroup, FormLabel, Stack, TextField } from '@mui/material';
import { MANAGER_GRADES, MANAGER_TYPES } from '../../../../shared/model/manager.js';
import { useT } from '../../i18n/I18nProvider.js';
import { gradeKey, managerTypeKey } from '../../i18n/labels.js';
import { SelectField } from './fields.js';
import type { PeriodType, SchemeDraft } from './scheme-draft.js';
import { PERIOD_TYPES } from './scheme-draft.js';

/**
 * Ticks of a list where an empty list means "everyone" (the scheme leaves it out); the last tick cannot be taken
 * away, since a scheme for nobody is never what is meant.
 */
function toggled<T>(list: readonly T[], all: readonly T[], value: T, on: boolean): T[] {
  const current = list.length === 0 ? [...all] : [...list];
  const next = on ? [...current, value] : current.filter((v) => v !== value);
  return next.length === 0 ? [...list] : all.filter((v) => next.includes(v));
}

/** 方案信息: code, name, period type and whom the scheme applies to. */
export function SchemeBasics(props: { draft: SchemeDraft; update: (patch: Partial<SchemeDraft>) => void; codeLocked: boolean }) {
  const t = useT();
  const { draft, update } = props;
  const grades = draft.grades.length === 0 ? MANAGER_GRADES : draft.grades;
  const types = draft.types.length === 0 ? MANAGER_TYPES : draft.types;
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={t('eval.scheme.code')}
          value={draft.code}
          required
          disabled={props.codeLocked}
          onChange={(e) => update({ code: e.target.value })}
          helperText={t(props.codeLocked ? 'eval.scheme.codeLocked' : 'eval.scheme.codeHint')}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { maxLength: 32, 'data-testid': 'eval-scheme-code' } }}
        />
        <TextField size="small" label={t('eval.scheme.name')} value={draft.name} required onChange={(e) => update({ name: e.target.value })} sx={{ width: 300 }} slotProps={{ htmlInput: { maxLength: 60, 'data-testid': 'eval-scheme-name' } }} />
        <SelectField<PeriodType> label={t('eval.scheme.periodType')} value={draft.periodType} options={PERIOD_TYPES.map((p) => ({ value: p, label: t(`eval.periodType.${p}`) }))} onChange={(v) => update({ periodType: v })} testId="eval-scheme-period-type" width={150} />
      </Stack>
      <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap' }}>
        <Stack>
          <FormLabel sx={{ fontSize: '0.85rem' }}>{t('eval.scheme.grades')}</FormLabel>
          <FormGroup row>
            {MANAGER_GRADES.map((g) => (
              <FormControlLabel key={g} control={<Checkbox size="small" checked={grades.includes(g)} onChange={(e) => update({ grades: toggled(draft.grades, MANAGER_GRADES, g, e.target.checked) })} />} label={t(gradeKey(g))} />
            ))}
          </FormGroup>
        </Stack>
        <Stack>
          <FormLabel sx={{ fontSize: '0.85rem' }}>{t('eval.scheme.types')}</FormLabel>
          <FormGroup row>
            {MANAGER_TYPES.map((ty) => (
              <FormControlLabel key={ty} control={<Checkbox size="small" checked={types.includes(ty)} onChange={(e) => update({ types: toggled(draft.types, MANAGER_TYPES, ty, e.target.checked) })} />} label={t(managerTypeKey(ty))} />
            ))}
          </FormGroup>
        </Stack>
      </Stack>
    </Stack>
  );
}
