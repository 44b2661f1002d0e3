import { Button, IconButton, Stack, TextField } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { useT } from '../../i18n/I18nProvider.js';
import { NumField, SelectField } from './fields.js';
import type { ItemDraft, MetricKind, RubricDraft, SourceKind } from './scheme-draft.js';
import { METRICS, SOURCE_KINDS } from './scheme-draft.js';

type Patch = (patch: Partial<ItemDraft>) => void;

/** 评分标准: the levels a supervisor scores a qualitative item against (a reminder on the entry form and the sheet). */
function RubricRows(props: { rubric: RubricDraft[]; patch: Patch }) {
  const t = useT();
  const { rubric } = props;
  const set = (i: number, field: keyof RubricDraft, v: string): void => props.patch({ rubric: rubric.map((r, n) => (n === i ? { ...r, [field]: v } : r)) });
  return (
    <Stack sx={{ gap: 1 }}>
      {rubric.map((r, i) => (
        <Stack key={i} direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField size="small" label={t('eval.edit.rubricLevel')} value={r.level} onChange={(e) => set(i, 'level', e.target.value)} sx={{ width: 110 }} slotProps={{ htmlInput: { maxLength: 20 } }} />
          <NumField label={t('eval.edit.rubricFrom')} value={r.fromPct} onChange={(v) => set(i, 'fromPct', v)} suffix="%" testId={`eval-edit-rubric-from-${i}`} width={110} />
          <NumField label={t('eval.edit.rubricTo')} value={r.toPct} onChange={(v) => set(i, 'toPct', v)} suffix="%" testId={`eval-edit-rubric-to-${i}`} width={110} />
          <TextField size="small" label={t('eval.edit.rubricDescription')} value={r.description} onChange={(e) => set(i, 'description', e.target.value)} sx={{ flex: '1 1 200px' }} slotProps={{ htmlInput: { maxLength: 200 } }} />
          <IconButton size="small" aria-label={t('eval.edit.remove')} onClick={() => props.patch({ rubric: rubric.filter((_, n) => n !== i) })}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} disabled={rubric.length >= 10} onClick={() => props.patch({ rubric: [...rubric, { level: '', description: '', fromPct: '', toPct: '' }] })} data-testid="eval-edit-rubric-add">
        {t('eval.edit.addRubric')}
      </Button>
    </Stack>
  );
}

/** Where the item's figure comes from: an indicator, a work measure, the supervisor's score or a count. */
export function SourceFields(props: { item: ItemDraft; indicators: readonly IndicatorView[]; onKind: (kind: SourceKind) => void; patch: Patch }) {
  const t = useT();
  const { item, patch, indicators } = props;
  const known = indicators.some((i) => i.code === item.indicator);
  const options = [
    ...indicators.map((i) => ({ value: i.code, label: `${i.name}（${i.code}${i.hasSource ? '' : ` · ${t('eval.edit.noSource')}`}）` })),
    // A scheme from a file may name an indicator this workspace lacks: keep it selectable so it shows (and is flagged).
    ...(item.indicator !== '' && !known ? [{ value: item.indicator, label: item.indicator }] : []),
  ];
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        <SelectField<SourceKind> label={t('eval.edit.source')} value={item.source} options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`eval.source.${k}`) }))} onChange={props.onKind} testId="eval-edit-source" width={200} />
        {item.source === 'indicator' && <SelectField label={t('eval.edit.indicator')} value={item.indicator} options={options} onChange={(v) => patch({ indicator: v })} testId="eval-edit-indicator" width={300} />}
        {item.source === 'metric' && (
          <SelectField<MetricKind> label={t('eval.edit.metric')} value={item.metric} options={METRICS.map((m) => ({ value: m, label: t(`eval.metric.${m}`) }))} onChange={(v) => patch({ metric: v })} testId="eval-edit-metric" width={240} />
        )}
        {item.source === 'count' && (
          <TextField size="small" label={t('eval.edit.countLabel')} value={item.countLabel} onChange={(e) => patch({ countLabel: e.target.value })} sx={{ width: 140 }} slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'eval-edit-count-label' } }} />
        )}
      </Stack>
      {item.source === 'qualitative' && <RubricRows rubric={item.rubric} patch={patch} />}
    </Stack>
  );
}
