import { Stack, Typography } from '@mui/material';
import { useT } from '../../i18n/I18nProvider.js';
import { NumField, SelectField } from './fields.js';
import type { ItemUnit } from './item-units.js';
import { storedFigure, unitSuffix } from './item-units.js';
import type { ItemDraft } from './scheme-draft.js';

type Patch = (patch: Partial<ItemDraft>) => void;

/**
 * Settings of an item scored from figures: the fixed target (used when no published plan gives the manager one),
 * the threshold below which nothing is earned, the item's cap and floor, and a gate on another item.
 */
export function LimitFields(props: { item: ItemDraft; unit: ItemUnit; others: ReadonlyArray<{ key: string; name: string }>; patch: Patch }) {
  const t = useT();
  const { item, unit, patch } = props;
  const stored = item.fixedTarget.trim() === '' ? null : storedFigure(item.fixedTarget, unit);
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <NumField
          label={t('eval.edit.fixedTarget')}
          value={item.fixedTarget}
          onChange={(v) => patch({ fixedTarget: v })}
          suffix={unitSuffix(unit)}
          testId="eval-edit-target"
          width={200}
          helperText={stored === null ? t('eval.edit.fixedTargetHint') : t('eval.edit.storedAs', { value: stored })}
        />
        <NumField label={t('eval.edit.zeroBelow')} value={item.zeroBelowPct} onChange={(v) => patch({ zeroBelowPct: v })} suffix="%" testId="eval-edit-zero-below" />
        <NumField label={t('eval.edit.maxPoints')} value={item.maxPoints} onChange={(v) => patch({ maxPoints: v })} suffix={t('eval.points')} testId="eval-edit-max" />
        <NumField label={t('eval.edit.minPoints')} value={item.minPoints} onChange={(v) => patch({ minPoints: v })} suffix={t('eval.points')} testId="eval-edit-min" />
      </Stack>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <SelectField
          label={t('eval.edit.gate')}
          value={item.gateItem}
          options={[{ value: '', label: t('eval.edit.noGate') }, ...props.others.map((o) => ({ value: o.key, label: `${o.name}（${o.key}）` }))]}
          onChange={(v) => patch({ gateItem: v })}
          testId="eval-edit-gate"
          width={240}
        />
        {item.gateItem !== '' && <NumField label={t('eval.edit.gateMin')} value={item.gateMinPct} onChange={(v) => patch({ gateMinPct: v })} suffix="%" testId="eval-edit-gate-min" />}
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('eval.edit.gateHint')}
        </Typography>
      </Stack>
    </Stack>
  );
}
