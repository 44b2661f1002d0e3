import { Button, Checkbox, FormControlLabel, IconButton, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useT } from '../../i18n/I18nProvider.js';
import { NumField, SelectField } from './fields.js';
import type { ItemUnit } from './item-units.js';
import { unitSuffix } from './item-units.js';
import type { ItemDraft, MethodType } from './scheme-draft.js';
import { methodsFor } from './scheme-draft.js';

type Patch = (patch: Partial<ItemDraft>) => void;

/** 分档: completion from which a share of the weight is earned, highest band reached wins. */
function BandRows(props: { item: ItemDraft; patch: Patch }) {
  const t = useT();
  const { bands } = props.item;
  const set = (i: number, field: 'fromPct' | 'scorePct', v: string): void => props.patch({ bands: bands.map((b, n) => (n === i ? { ...b, [field]: v } : b)) });
  return (
    <Stack sx={{ gap: 1 }}>
      {bands.map((b, i) => (
        <Stack key={i} direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          <Typography variant="body2">{t('eval.edit.bandFrom')}</Typography>
          <NumField label={t('eval.edit.completion')} value={b.fromPct} onChange={(v) => set(i, 'fromPct', v)} suffix="%" testId={`eval-edit-band-from-${i}`} width={130} />
          <Typography variant="body2">{t('eval.edit.bandScore')}</Typography>
          <NumField label={t('eval.edit.shareOfWeight')} value={b.scorePct} onChange={(v) => set(i, 'scorePct', v)} suffix="%" testId={`eval-edit-band-score-${i}`} width={130} />
          <IconButton size="small" aria-label={t('eval.edit.remove')} disabled={bands.length <= 1} onClick={() => props.patch({ bands: bands.filter((_, n) => n !== i) })} data-testid={`eval-edit-band-remove-${i}`}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} disabled={bands.length >= 20} onClick={() => props.patch({ bands: [...bands, { fromPct: '', scorePct: '' }] })} data-testid="eval-edit-band-add">
        {t('eval.edit.addBand')}
      </Button>
    </Stack>
  );
}

/** How the item's completion (or count) becomes points: the method's own settings. */
export function MethodFields(props: { item: ItemDraft; unit: ItemUnit; patch: Patch }) {
  const t = useT();
  const { item, patch } = props;
  const methods = methodsFor(item.source);
  return (
    <Stack sx={{ gap: 1.5 }}>
      <SelectField<MethodType>
        label={t('eval.edit.method')}
        value={item.method}
        options={methods.map((m) => ({ value: m, label: t(`eval.method.${m}`) }))}
        onChange={(v) => patch({ method: v })}
        disabled={methods.length <= 1}
        testId="eval-edit-method"
        width={220}
      />
      {item.method === 'ratio' && (
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
          <NumField label={t('eval.edit.capPct')} value={item.capPct} onChange={(v) => patch({ capPct: v })} suffix="%" testId="eval-edit-cap" />
          <NumField label={t('eval.edit.floorPct')} value={item.floorPct} onChange={(v) => patch({ floorPct: v })} suffix="%" testId="eval-edit-floor" />
          <Typography variant="body2" sx={{ color: 'text.secondary', alignSelf: 'center' }}>
            {t('eval.edit.ratioHint')}
          </Typography>
        </Stack>
      )}
      {item.method === 'difference' && (
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <NumField label={t('eval.edit.per')} value={item.per} onChange={(v) => patch({ per: v })} suffix={unitSuffix(props.unit)} testId="eval-edit-per" width={160} />
          <NumField label={t('eval.edit.pointsAbove')} value={item.pointsAbove} onChange={(v) => patch({ pointsAbove: v })} suffix={t('eval.points')} testId="eval-edit-above" width={160} />
          <NumField label={t('eval.edit.pointsBelow')} value={item.pointsBelow} onChange={(v) => patch({ pointsBelow: v })} suffix={t('eval.points')} testId="eval-edit-below" width={160} />
          <FormControlLabel control={<Checkbox checked={item.prorate} onChange={(e) => patch({ prorate: e.target.checked })} slotProps={{ input: { 'data-testid': 'eval-edit-prorate' } as object }} />} label={t('eval.edit.prorate')} />
        </Stack>
      )}
      {item.method === 'bands' && <BandRows item={item} patch={patch} />}
      {item.method === 'entered' && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('eval.edit.enteredHint')}
        </Typography>
      )}
      {item.method === 'deduction' && (
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
          <NumField label={t('eval.edit.pointsEach')} value={item.pointsEach} onChange={(v) => patch({ pointsEach: v })} suffix={t('eval.points')} testId="eval-edit-each" />
          <NumField label={t('eval.edit.mostOff')} value={item.mostOff} onChange={(v) => patch({ mostOff: v })} suffix={t('eval.points')} testId="eval-edit-most" />
          <Typography variant="body2" sx={{ color: 'text.secondary', alignSelf: 'center' }}>
            {t('eval.edit.deductionHint')}
          </Typography>
        </Stack>
      )}
    </Stack>
  );
}
