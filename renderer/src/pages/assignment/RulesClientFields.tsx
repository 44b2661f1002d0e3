import { FormControlLabel, Stack, Switch } from '@mui/material';
import { LIFECYCLE_STAGES, SEGMENT_CODES, STAGE_LABELS, isSegmentCode, segmentLabel } from '../../../../shared/book/labels.js';
import type { LifecycleStage } from '../../../../shared/book/labels.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { CLIENT_TIERS, PRODUCT_TYPES } from '../../../../shared/model/client.js';
import type { ClientTier, ProductType } from '../../../../shared/model/client.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { clientTierKey } from '../../i18n/labels.js';
import type { MessageKey } from '../../i18n/messages.js';
import { MultiSelect } from '../clients/ClientFiltersBar.js';
import type { RulesDraft } from './rules-draft.js';
import { UnitMultiSelect } from './UnitMultiSelect.js';

const productKey = (p: ProductType): MessageKey => `rules.product.${p}`;
type Select = RulesDraft['select'];

/** 哪些客户参与分配: every filter left empty means "any"; the ones set must all match. */
export function RulesClientFields(props: { draft: RulesDraft; onDraft: (d: RulesDraft) => void; units: readonly OrgUnit[] }) {
  const t = useT();
  const { locale } = useLocale();
  const { draft, onDraft, units } = props;
  const set = (patch: Partial<Select>): void => onDraft({ ...draft, select: { ...draft.select, ...patch } });
  const sel = draft.select;
  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <MultiSelect<ClientTier> id="rules-tier" label={t('rules.select.tiers')} values={sel.tiers ?? []} options={CLIENT_TIERS} labelOf={(v) => t(clientTierKey(v))} onChange={(tiers) => set({ tiers })} width={220} />
      <MultiSelect<string>
        id="rules-segment"
        label={t('rules.select.segments')}
        values={sel.segments ?? []}
        options={SEGMENT_CODES}
        // A hand-written rules file may name a segment this version does not know: show its code.
        labelOf={(v) => (isSegmentCode(v) ? pickText(segmentLabel(v), locale) : v)}
        onChange={(segments) => set({ segments })}
        width={220}
      />
      <MultiSelect<LifecycleStage>
        id="rules-stage"
        label={t('rules.select.stages')}
        values={sel.stages ?? []}
        options={LIFECYCLE_STAGES}
        labelOf={(v) => pickText(STAGE_LABELS[v], locale)}
        onChange={(stages) => set({ stages })}
        width={180}
      />
      <UnitMultiSelect
        id="rules-outlet"
        label={t('rules.select.outlets')}
        units={units}
        levels={['outlet']}
        values={sel.orgUnitIds ?? []}
        onChange={(orgUnitIds) => set({ orgUnitIds })}
        width={220}
      />
      <MultiSelect<ProductType>
        id="rules-product"
        label={t('rules.select.products')}
        values={sel.productTypes ?? []}
        options={PRODUCT_TYPES}
        labelOf={(v) => t(productKey(v))}
        onChange={(productTypes) => set({ productTypes })}
        width={180}
      />
      <FormControlLabel
        control={<Switch checked={sel.onlyUnassigned} onChange={(e) => set({ onlyUnassigned: e.target.checked })} slotProps={{ input: { 'data-testid': 'rules-only-unassigned' } as object }} />}
        label={t('rules.select.onlyUnassigned')}
      />
    </Stack>
  );
}
