import { FormControl, FormControlLabel, InputLabel, MenuItem, Select, Stack, Switch } from '@mui/material';
import type { SelectChangeEvent } from '@mui/material';
import { LIFECYCLE_STAGES, SEGMENT_CODES, STAGE_LABELS, segmentLabel } from '../../../../shared/book/labels.js';
import type { LifecycleStage, SegmentCode } from '../../../../shared/book/labels.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { CLIENT_TIERS } from '../../../../shared/model/client.js';
import type { ClientTier } from '../../../../shared/model/client.js';
import type { ClientFilters } from '../../../../shared/model/client-filters.js';
import type { Manager } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { clientTierKey } from '../../i18n/labels.js';
import { flattenOrgTree } from '../managers/org-tree.js';

const ANY = '';

/** A compact multiple choice of codes; the client filters and the 规则分配 form share it so both read alike. */
export function MultiSelect<T extends string>(props: { id: string; label: string; values: readonly T[]; options: readonly T[]; labelOf: (v: T) => string; onChange: (v: T[]) => void; width: number }) {
  const { id, label, values, options, labelOf, onChange, width } = props;
  return (
    <FormControl size="small" sx={{ width }}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select<T[]>
        multiple
        labelId={`${id}-label`}
        label={label}
        value={[...values]}
        onChange={(e: SelectChangeEvent<T[]>) => onChange(typeof e.target.value === 'string' ? (e.target.value.split(',') as T[]) : e.target.value)}
        renderValue={(selected) => selected.map(labelOf).join('、')}
        data-testid={id}
        MenuProps={{ slotProps: { paper: { sx: { maxHeight: 420 } } } }}
      >
        {options.map((o) => (
          <MenuItem key={o} value={o} data-testid={`${id}-option-${o}`}>
            {labelOf(o)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Drops empty lists and unset values, so equal filters have equal JSON (and so equal queries and views). */
export function normalizeFilters(f: ClientFilters): ClientFilters {
  const out: ClientFilters = {};
  if ((f.search ?? '').trim() !== '') out.search = (f.search ?? '').trim();
  if ((f.tiers?.length ?? 0) > 0) out.tiers = [...(f.tiers ?? [])].sort((a, b) => CLIENT_TIERS.indexOf(a) - CLIENT_TIERS.indexOf(b));
  if ((f.segments?.length ?? 0) > 0) out.segments = [...(f.segments ?? [])].sort();
  if ((f.stages?.length ?? 0) > 0) out.stages = [...(f.stages ?? [])].sort((a, b) => LIFECYCLE_STAGES.indexOf(a) - LIFECYCLE_STAGES.indexOf(b));
  if (f.orgUnitId !== undefined) out.orgUnitId = f.orgUnitId;
  if (f.managerId !== undefined) out.managerId = f.managerId;
  if (f.unassigned === true) out.unassigned = true;
  return out;
}

/** Tier, segment, stage, outlet, manager and "unassigned" filters of the client list. */
export function ClientFiltersBar(props: { filters: ClientFilters; onChange: (f: ClientFilters) => void; units: readonly OrgUnit[]; managers: readonly Manager[] }) {
  const t = useT();
  const { locale } = useLocale();
  const { filters, onChange, units, managers } = props;
  const set = (patch: Partial<ClientFilters>): void => onChange(normalizeFilters({ ...filters, ...patch }));
  const tree = flattenOrgTree(units);

  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }} data-testid="client-filters">
      <MultiSelect<ClientTier> id="filter-tier" label={t('clients.filter.tier')} values={filters.tiers ?? []} options={CLIENT_TIERS} labelOf={(v) => t(clientTierKey(v))} onChange={(tiers) => set({ tiers })} width={150} />
      <MultiSelect<LifecycleStage>
        id="filter-stage"
        label={t('clients.filter.stage')}
        values={filters.stages ?? []}
        options={LIFECYCLE_STAGES}
        labelOf={(v) => pickText(STAGE_LABELS[v], locale)}
        onChange={(stages) => set({ stages })}
        width={150}
      />
      <MultiSelect<SegmentCode>
        id="filter-segment"
        label={t('clients.filter.segment')}
        values={filters.segments ?? []}
        options={SEGMENT_CODES}
        labelOf={(v) => pickText(segmentLabel(v), locale)}
        onChange={(segments) => set({ segments })}
        width={200}
      />
      <FormControl size="small" sx={{ width: 190 }}>
        <InputLabel id="filter-org-label">{t('clients.filter.outlet')}</InputLabel>
        <Select
          labelId="filter-org-label"
          label={t('clients.filter.outlet')}
          value={filters.orgUnitId === undefined ? ANY : String(filters.orgUnitId)}
          onChange={(e) => set({ orgUnitId: e.target.value === ANY ? undefined : Number(e.target.value) })}
          data-testid="filter-org"
        >
          <MenuItem value={ANY}>{t('clients.filter.all')}</MenuItem>
          {tree.map(({ unit, depth }) => (
            <MenuItem key={unit.id} value={String(unit.id)} data-testid={`filter-org-option-${unit.code}`} sx={{ pl: 2 + depth * 2 }}>
              {unit.name}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ width: 170 }}>
        <InputLabel id="filter-manager-label">{t('clients.filter.manager')}</InputLabel>
        <Select
          labelId="filter-manager-label"
          label={t('clients.filter.manager')}
          value={filters.managerId === undefined ? ANY : String(filters.managerId)}
          onChange={(e) => set({ managerId: e.target.value === ANY ? undefined : Number(e.target.value), unassigned: undefined })}
          data-testid="filter-manager"
        >
          <MenuItem value={ANY}>{t('clients.filter.all')}</MenuItem>
          {managers.map((m) => (
            <MenuItem key={m.id} value={String(m.id)} data-testid={`filter-manager-option-${m.staffNo}`}>
              {m.name}（{m.staffNo}）
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControlLabel
        control={<Switch checked={filters.unassigned === true} onChange={(e) => set({ unassigned: e.target.checked || undefined, managerId: undefined })} slotProps={{ input: { 'data-testid': 'filter-unassigned' } as object }} />}
        label={t('clients.filter.unassigned')}
      />
    </Stack>
  );
}
