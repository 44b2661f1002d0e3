import { Alert, Button, Grid, Stack, TextField, Typography } from '@mui/material';
import type { Manager } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useMemo, useState } from 'react';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { useRouteParam } from '../../routing/useHashRoute.js';
import { hrefFor } from '../../routing/routes.js';
import { OrgTreeList } from './OrgTreeList.js';
import { OutletCardPage } from './OutletCardPage.js';
import { PeriodDialog } from './PeriodDialog.js';
import { UnitDialog } from './UnitDialog.js';
import { RosterTable } from './RosterTable.js';
import { countByUnit, subtreeIds } from './org-tree.js';

/** `#/managers` is the org tree and roster; `#/managers/<unit id>` that unit's resource card. */
export function ManagersPage() {
  const param = useRouteParam();
  const id = param === null ? NaN : Number(param);
  return Number.isInteger(id) && id > 0 ? <OutletCardPage unitId={id} /> : <Roster />;
}

function Roster() {
  const t = useT();
  const { locale } = useLocale();
  const org = useApiQuery('org.tree', {});
  const [asOf, setAsOf] = useState(() => localToday());
  const roster = useApiQuery('managers.list', { asOf });
  const [selected, setSelected] = useState<number | null>(null);
  const [changing, setChanging] = useState<Manager | null>(null);
  const [editingUnit, setEditingUnit] = useState<OrgUnit | 'new' | null>(null);

  const units = useMemo(() => (org.state === 'ready' ? org.value : []), [org]);
  const managers = useMemo(() => (roster.state === 'ready' ? roster.value : []), [roster]);
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const counts = useMemo(() => countByUnit(managers), [managers]);
  const shown = useMemo(() => {
    if (selected === null) return managers;
    const inScope = subtreeIds(units, selected);
    return managers.filter((m) => inScope.has(m.orgUnitId));
  }, [managers, units, selected]);

  const state = combineStates(org.state, roster.state);
  const empty = state === 'ready' && units.length === 0 && managers.length === 0;

  return (
    <PageRoot page="managers" state={state}>
      {org.state === 'error' && <ErrorAlert error={org.error} onRetry={org.reload} />}
      {roster.state === 'error' && <ErrorAlert error={roster.error} onRetry={roster.reload} />}
      {empty && (
        <EmptyState
          testId="managers-empty"
          title={t('managers.empty.title')}
          body={t('managers.empty.body')}
          actions={[
            { to: 'import', label: t('common.goImport') },
            { to: 'settings', label: t('common.goDemo') },
          ]}
        />
      )}
      {state === 'ready' && !empty && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 4 }}>
            <OrgTreeList units={units} managerCounts={counts} selected={selected} onSelect={setSelected} />
            <Stack direction="row" sx={{ gap: 1, mt: 1 }}>
              <Button size="small" onClick={() => setEditingUnit('new')} data-testid="unit-add">
                {t('org.add')}
              </Button>
              {selected !== null && (
                <Button size="small" onClick={() => setEditingUnit(units.find((u) => u.id === selected) ?? null)} data-testid="unit-edit">
                  {t('org.edit')}
                </Button>
              )}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, md: 8 }}>
            <Stack sx={{ gap: 1.5 }}>
              <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2 }}>
                <Typography variant="h3" component="h2">
                  {t('managers.rosterTitle')}
                </Typography>
                <Typography sx={{ color: 'text.secondary' }} data-testid="managers-count">
                  {t('managers.count', { count: formatCount(shown.length, locale) })}
                </Typography>
                <TextField
                  type="date"
                  size="small"
                  label={t('managers.asOf')}
                  value={asOf}
                  onChange={(e) => e.target.value !== '' && setAsOf(e.target.value)}
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'roster-as-of' } }}
                  sx={{ ml: 'auto', width: 170 }}
                />
                {selected !== null && (
                  <Button size="small" variant="outlined" href={hrefFor('managers', selected)} data-testid="open-outlet-card">
                    {t('card.open')}
                  </Button>
                )}
              </Stack>
              {shown.length === 0 ? (
                <Alert severity="info">{t('managers.noneInUnit')}</Alert>
              ) : (
                <RosterTable managers={shown} orgUnitName={(id) => names.get(id) ?? `#${id}`} onChange={setChanging} />
              )}
            </Stack>
          </Grid>
        </Grid>
      )}
      {changing !== null && <PeriodDialog manager={changing} units={units} defaultFrom={asOf} onClose={() => setChanging(null)} onSaved={roster.reload} />}
      {editingUnit !== null && (
        <UnitDialog unit={editingUnit === 'new' ? null : editingUnit} parentId={selected} units={units} onClose={() => setEditingUnit(null)} onSaved={org.reload} />
      )}
    </PageRoot>
  );
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
