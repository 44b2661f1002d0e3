import { Alert, AlertTitle, Button, Link, Stack, Typography } from '@mui/material';
import { useApi } from '../../api/ApiProvider.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { hrefFor } from '../../routing/routes.js';
import { PlanReceiversTable } from './PlanReceiversTable.js';
import type { HandoverApplied } from './useHandoverWizard.js';

/**
 * After the apply: what was done as the server did it (it planned once more on the current data), the sheet to print
 * and sign, and where to undo it.
 */
export function HandoverResult(props: { applied: HandoverApplied; onRestart: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const { changeId, changed, tasksMoved, plan } = props.applied;
  return (
    <Stack sx={{ gap: 2 }} data-testid="handover-result" data-change-id={changeId ?? ''} data-changed={changed} data-tasks={tasksMoved}>
      {changeId === null ? (
        <Alert severity="info">{t('handover.done.nothing')}</Alert>
      ) : (
        <Alert severity="success">
          <AlertTitle>{t('handover.done.title')}</AlertTitle>
          {t('handover.done.body', { clients: formatCount(changed, locale), tasks: formatCount(tasksMoved, locale), changeId, from: plan.from })}
        </Alert>
      )}
      {changeId !== null && <PlanReceiversTable plan={plan} />}
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {changeId !== null && (
          <DownloadButton label={t('handover.done.sheet')} failedTitle={t('handover.sheetFailed')} testId="handover-sheet" fetch={() => api.call('handover.sheet', { changeId })} />
        )}
        {changeId !== null && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            <Link href={hrefFor('assignment')} data-testid="handover-undo-link">
              {t('handover.done.undo')}
            </Link>
          </Typography>
        )}
        <Button variant="contained" onClick={props.onRestart} sx={{ ml: 'auto' }} data-testid="handover-restart">
          {t('handover.nav.restart')}
        </Button>
      </Stack>
    </Stack>
  );
}
