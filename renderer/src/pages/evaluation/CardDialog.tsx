import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import type { EvaluationRunDetail } from '../../../../shared/api/ops/evaluation.js';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { useApi } from '../../api/ApiProvider.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { useT } from '../../i18n/I18nProvider.js';
import { CardBody } from './CardBody.js';
import { EntryFields } from './EntryFields.js';
import type { EntryField } from './run-view.js';
import { cardsByStaff, commentsOf, entryChanges, entryFieldsOf, handItems } from './run-view.js';
import type { RunActions } from './useRunActions.js';

/** The entry fields of one manager, kept while typing and started again from the stored entries for the next one. */
function Entries(props: { detail: EvaluationRunDetail; managerId: number; actions: RunActions }) {
  const t = useT();
  const { detail, managerId, actions } = props;
  const stored = entryFieldsOf(detail.scheme, detail.entries, managerId);
  const [fields, setFields] = useState<Record<string, EntryField>>(stored);
  const changes = entryChanges(detail.scheme, stored, fields);
  return (
    <Stack sx={{ gap: 1 }}>
      <EntryFields items={handItems(detail.scheme)} fields={fields} onChange={(key, f) => setFields((all) => ({ ...all, [key]: f }))} disabled={actions.busy} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" disabled={actions.busy || changes === null || changes.length === 0} onClick={() => changes !== null && void actions.saveEntries(managerId, changes)} data-testid="eval-entry-save">
          {t('eval.entry.save')}
        </Button>
      </Stack>
    </Stack>
  );
}

/**
 * A manager's card from the run view: the trace of every item, the supervisor's entries while the run is a draft
 * (saved, then the run computed again so the card shows the new points), previous / next to go through the team,
 * and this manager's sheet as PDF.
 */
export function CardDialog(props: { detail: EvaluationRunDetail; managerId: number; indicators: readonly IndicatorView[]; actions: RunActions; onMove: (managerId: number) => void; onClose: () => void }) {
  const t = useT();
  const api = useApi();
  const { detail, managerId } = props;
  const order = cardsByStaff(detail.cards);
  const at = order.findIndex((c) => c.managerId === managerId);
  const card = order[at];
  if (card === undefined) return null;
  const prev = order[at - 1];
  const next = order[at + 1];
  const editable = detail.run.status === 'draft' && handItems(detail.scheme).length > 0;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="lg">
      <DialogTitle data-testid="eval-card-title">
        {t('eval.card.title', { name: card.manager.name, staffNo: card.manager.staffNo, period: detail.run.period })}
      </DialogTitle>
      <DialogContent dividers>
        <Stack sx={{ gap: 2 }}>
          {editable && <Entries key={managerId} detail={detail} managerId={managerId} actions={props.actions} />}
          <CardBody card={card} scheme={detail.scheme} indicators={props.indicators} comments={commentsOf(detail.entries, managerId)} />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <DownloadButton label={t('eval.download.sheet')} failedTitle={t('eval.download.failed')} testId="eval-card-sheet" fetch={() => api.call('evaluation.sheets', { runId: detail.run.id, managerId })} />
        <Stack direction="row" sx={{ gap: 1, ml: 'auto' }}>
          <Button disabled={prev === undefined || props.actions.busy} onClick={() => prev !== undefined && props.onMove(prev.managerId)} data-testid="eval-card-prev">
            {t('eval.card.prev')}
          </Button>
          <Button disabled={next === undefined || props.actions.busy} onClick={() => next !== undefined && props.onMove(next.managerId)} data-testid="eval-card-next">
            {t('eval.card.next')}
          </Button>
          <Button onClick={props.onClose} data-testid="eval-card-close">
            {t('eval.close')}
          </Button>
        </Stack>
      </DialogActions>
    </Dialog>
  );
}
