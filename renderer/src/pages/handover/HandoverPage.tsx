import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { HandoverHistory } from './HandoverHistory.js';
import { HandoverWizard } from './HandoverWizard.js';
import { useHandoverWizard } from './useHandoverWizard.js';

/**
 * 客户移交: the wizard that hands a leaving manager's whole book (clients and open tasks) to colleagues as one
 * undoable change, above the record of past handovers and their printable sheets.
 */
export function HandoverPage() {
  const t = useT();
  const history = useApiQuery('handover.list', { limit: 50 });
  const units = useApiQuery('org.tree', {});
  const wizard = useHandoverWizard(history.reload);
  const unitList = units.state === 'ready' ? units.value : units.latest;
  const unitNames = useMemo(() => new Map((unitList ?? []).map((u) => [u.id, u.name])), [unitList]);
  return (
    <PageRoot page="handover" state={combineStates(history.state, units.state, wizard.roster.state)}>
      <Typography sx={{ color: 'text.secondary', maxWidth: '110ch' }}>{t('handover.intro')}</Typography>
      {units.state === 'error' && <ErrorAlert error={units.error} onRetry={units.reload} />}
      {wizard.roster.state === 'error' && <ErrorAlert error={wizard.roster.error} onRetry={wizard.roster.reload} />}
      <HandoverWizard wizard={wizard} unitNames={unitNames} />
      <HandoverHistory query={history} />
    </PageRoot>
  );
}
