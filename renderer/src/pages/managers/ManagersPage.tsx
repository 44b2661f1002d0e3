import { Alert, Button, Grid, Stack, Typography } from '@mui/material';
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
  const roster = useApiQuery('managers.list', {});
  const [selected, setSelected] = useState<number | null>(null);

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
                {selected !== null && (
                  <Button size="small" variant="outlined" href={hrefFor('managers', selected)} data-testid="open-outlet-card" sx={{ ml: 'auto' }}>
                    {t('card.open')}
                  </Button>
                )}
              </Stack>
              {shown.length === 0 ? (
                <Alert severity="info">{t('managers.noneInUnit')}</Alert>
              ) : (
                <RosterTable managers={shown} orgUnitName={(id) => names.get(id) ?? `#${id}`} />
              )}
            </Stack>
          </Grid>
        </Grid>
      )}
    </PageRoot>
  );
}
