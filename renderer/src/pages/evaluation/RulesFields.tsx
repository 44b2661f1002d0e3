import { Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { MANAGER_GRADES } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useT } from '../../i18n/I18nProvider.js';
import { gradeKey } from '../../i18n/labels.js';
import { NumField } from './fields.js';
import type { SchemeDraft } from './scheme-draft.js';

/** 网点难度系数: by outlet code; a code not among the outlets (from a file) stays selectable so it is not lost. */
function OutletCoefficients(props: { rows: SchemeDraft['outletCoefficients']; outlets: readonly OrgUnit[]; onChange: (rows: SchemeDraft['outletCoefficients']) => void }) {
  const t = useT();
  const { rows, outlets } = props;
  const set = (i: number, patch: Partial<{ code: string; value: string }>): void => props.onChange(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  return (
    <Stack sx={{ gap: 1 }}>
      {rows.map((r, i) => (
        <Stack key={i} direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          <TextField select size="small" label={t('eval.rules.outlet')} value={r.code} onChange={(e) => set(i, { code: e.target.value })} sx={{ width: 260 }}>
            {outlets.map((o) => (
              <MenuItem key={o.id} value={o.code}>
                {o.name}（{o.code}）
              </MenuItem>
            ))}
            {r.code !== '' && !outlets.some((o) => o.code === r.code) && <MenuItem value={r.code}>{r.code}</MenuItem>}
          </TextField>
          <NumField label={t('eval.rules.coefficient')} value={r.value} onChange={(v) => set(i, { value: v })} testId={`eval-rules-outlet-${i}`} width={110} />
          <IconButton size="small" aria-label={t('eval.edit.remove')} onClick={() => props.onChange(rows.filter((_, n) => n !== i))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => props.onChange([...rows, { code: '', value: '1' }])} data-testid="eval-rules-outlet-add">
        {t('eval.rules.addOutlet')}
      </Button>
    </Stack>
  );
}

/**
 * 系数与规则: the grade and outlet coefficients on the quantitative subtotal, the total's cap, the grade lines that
 * suggest 晋升 / 维持 / 降级, and how many at the bottom of the ranking are warned (末位).
 */
export function RulesFields(props: { draft: SchemeDraft; outlets: readonly OrgUnit[]; update: (patch: Partial<SchemeDraft>) => void }) {
  const t = useT();
  const { draft, update } = props;
  return (
    <Stack sx={{ gap: 2.5 }}>
      <Stack sx={{ gap: 1 }}>
        <Typography variant="subtitle2">{t('eval.rules.gradeCoefficients')}</Typography>
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
          {MANAGER_GRADES.map((g) => (
            <NumField key={g} label={t(gradeKey(g))} value={draft.gradeCoefficients[g]} onChange={(v) => update({ gradeCoefficients: { ...draft.gradeCoefficients, [g]: v } })} testId={`eval-rules-grade-coef-${g}`} width={150} helperText={t('eval.rules.defaultOne')} />
          ))}
        </Stack>
      </Stack>
      <Stack sx={{ gap: 1 }}>
        <Typography variant="subtitle2">{t('eval.rules.outletCoefficients')}</Typography>
        <OutletCoefficients rows={draft.outletCoefficients} outlets={props.outlets} onChange={(rows) => update({ outletCoefficients: rows })} />
      </Stack>
      <Stack sx={{ gap: 1 }}>
        <Typography variant="subtitle2">{t('eval.rules.gradeRules')}</Typography>
        {MANAGER_GRADES.map((g) => (
          <Stack key={g} direction="row" sx={{ gap: 1.5, alignItems: 'center' }}>
            <Typography sx={{ width: 130 }}>{t(gradeKey(g))}</Typography>
            <NumField label={t('eval.rules.maintainAt')} value={draft.gradeRules[g].maintainAt} onChange={(v) => update({ gradeRules: { ...draft.gradeRules, [g]: { ...draft.gradeRules[g], maintainAt: v } } })} suffix={t('eval.points')} testId={`eval-rules-maintain-${g}`} />
            <NumField label={t('eval.rules.promoteAt')} value={draft.gradeRules[g].promoteAt} onChange={(v) => update({ gradeRules: { ...draft.gradeRules, [g]: { ...draft.gradeRules[g], promoteAt: v } } })} suffix={t('eval.points')} testId={`eval-rules-promote-${g}`} />
          </Stack>
        ))}
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('eval.rules.gradeRulesHint')}
        </Typography>
      </Stack>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        <NumField label={t('eval.rules.maxTotal')} value={draft.maxTotal} onChange={(v) => update({ maxTotal: v })} suffix={t('eval.points')} testId="eval-rules-max-total" width={160} helperText={t('eval.rules.maxTotalHint')} />
        <NumField label={t('eval.rules.bottomWarning')} value={draft.bottomWarning} onChange={(v) => update({ bottomWarning: v })} suffix={t('eval.rules.people')} testId="eval-rules-bottom" width={160} helperText={t('eval.rules.bottomHint')} />
      </Stack>
    </Stack>
  );
}
