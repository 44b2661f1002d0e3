import { Stack } from '@mui/material';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { HistoryPanel } from './HistoryPanel.js';
import { ImportWizard } from './ImportWizard.js';

const HISTORY_INPUT = { limit: 200 } as const;

/** 导入: the wizard and the history of batches. The page is ready once the history has loaded. */
export function ImportPage() {
  const history = useApiQuery('import.batches', HISTORY_INPUT);
  // A reload keeps showing the previous list, so the page stays ready (and the wizard mounted) meanwhile.
  const batches = history.state === 'ready' ? history.value : history.latest;
  const state = batches !== null ? 'ready' : history.state;
  return (
    <PageRoot page="import" state={state}>
      <Stack sx={{ gap: 2, maxWidth: 1280 }}>
        <ImportWizard onCommitted={history.reload} />
        {history.state === 'error' && <ErrorAlert error={history.error} onRetry={history.reload} />}
        {batches !== null && <HistoryPanel batches={batches} refreshing={history.state === 'loading'} onChanged={history.reload} />}
      </Stack>
    </PageRoot>
  );
}
