import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { EvaluationCard } from '../../../../shared/evaluation/card.js';
import type { EvaluationSignoffInfo } from '../../../../shared/api/ops/evaluation.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

const ACTIONS: Readonly<Record<string, MessageKey>> = {
  compute: 'eval.trail.compute',
  review: 'eval.trail.review',
  acknowledge: 'eval.trail.acknowledge',
  lock: 'eval.trail.lock',
  reopen: 'eval.trail.reopen',
};

/**
 * 签署记录: every computation, submission, acknowledgement, lock and reopen (with its reason), newest first — a draft
 * is computed after each entry, so oldest first would bury the sign-offs under the computations.
 */
export function TrailList(props: { trail: readonly EvaluationSignoffInfo[]; cards: readonly EvaluationCard[] }) {
  const t = useT();
  if (props.trail.length === 0) return null;
  const who = (id: number | null): string => {
    if (id === null) return '';
    const c = props.cards.find((x) => x.managerId === id);
    return c === undefined ? `#${id}` : `${c.manager.name}（${c.manager.staffNo}）`;
  };
  return (
    <>
      <Typography variant="h2" sx={{ fontSize: '1.05rem', fontWeight: 600 }}>
        {t('eval.trail.title')}
      </Typography>
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 240 }}>
        <Table size="small" stickyHeader data-testid="eval-trail">
          <TableHead>
            <TableRow>
              <TableCell>{t('eval.trail.at')}</TableCell>
              <TableCell>{t('eval.trail.action')}</TableCell>
              <TableCell>{t('eval.trail.by')}</TableCell>
              <TableCell>{t('eval.trail.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...props.trail].reverse().map((s, i) => (
              <TableRow key={i} data-testid="eval-trail-row" data-action={s.action}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.at.slice(0, 16).replace('T', ' ')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {ACTIONS[s.action] === undefined ? s.action : t(ACTIONS[s.action] as MessageKey)} {who(s.managerId)}
                </TableCell>
                <TableCell>{s.by}</TableCell>
                <TableCell>{s.note ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
