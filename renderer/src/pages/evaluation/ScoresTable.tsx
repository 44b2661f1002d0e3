import { Chip, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import type { EvaluationCard, EvaluationItemScore } from '../../../../shared/evaluation/card.js';
import { OUTCOME_LABELS, pointsText } from '../../../../shared/evaluation/card.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { cardsInOrder, rankText } from './run-view.js';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** An item's points, or why there are none yet (待评分 / 缺目标 / 缺实际值). */
export function ItemPoints(props: { score: EvaluationItemScore | undefined }) {
  const t = useT();
  const s = props.score;
  if (s === undefined) return <>—</>;
  if (s.points !== null) return <>{pointsText(s.points)}</>;
  return <Chip size="small" variant="outlined" color={s.status === 'pending' ? 'info' : 'warning'} label={t(`eval.itemStatus.${s.status}`)} />;
}

/**
 * 考核结果: one row per manager in branch rank order (pending totals last), each item's points, the total, the
 * suggested outcome, the 末位 warning and (for a run) whether they acknowledged; a click on the name opens the
 * card. The scheme editor's preview shows the same table without the run's columns.
 */
export function ScoresTable(props: { scheme: { items: ReadonlyArray<{ key: string; name: string }> }; cards: readonly EvaluationCard[]; acknowledged?: readonly number[]; onOpen?: (managerId: number) => void; testId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { scheme, cards, acknowledged, onOpen } = props;
  return (
    <TableContainer component={Paper} variant="outlined">
      {/* Narrow cells: a scheme of many items still fits the page without scrolling sideways. */}
      <Table size="small" data-testid={props.testId} sx={{ '& th, & td': { px: 1 }, '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('eval.col.rankBranch')}</TableCell>
            <TableCell>{t('eval.col.rankOutlet')}</TableCell>
            <TableCell>{t('eval.col.staffNo')}</TableCell>
            <TableCell>{t('eval.col.name')}</TableCell>
            <TableCell>{t('eval.col.outlet')}</TableCell>
            {scheme.items.map((i) => (
              <TableCell key={i.key} align="right" sx={{ whiteSpace: 'nowrap' }}>
                {i.name}
              </TableCell>
            ))}
            <TableCell align="right">{t('eval.col.total')}</TableCell>
            <TableCell>{t('eval.col.outcome')}</TableCell>
            <TableCell>{t('eval.col.bottom')}</TableCell>
            {acknowledged !== undefined && <TableCell>{t('eval.col.acknowledged')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {cardsInOrder(cards).map((c) => (
            <TableRow key={c.managerId} hover data-testid="eval-score-row" data-manager-id={c.managerId} data-staff-no={c.manager.staffNo} data-total={c.total ?? ''}>
              <TableCell sx={NUM}>{rankText(c.rankBranch, c.of.branch)}</TableCell>
              <TableCell sx={NUM}>{rankText(c.rankOutlet, c.of.outlet)}</TableCell>
              <TableCell sx={NUM}>{c.manager.staffNo}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {onOpen === undefined ? (
                  c.manager.name
                ) : (
                  <Link component="button" underline="hover" onClick={() => onOpen(c.managerId)} data-testid="eval-open-card">
                    {c.manager.name}
                  </Link>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.manager.outletName}</TableCell>
              {scheme.items.map((i) => (
                <TableCell key={i.key} align="right" sx={NUM} data-testid={`eval-item-${i.key}`}>
                  <ItemPoints score={c.items.find((s) => s.key === i.key)} />
                </TableCell>
              ))}
              <TableCell align="right" sx={{ ...NUM, fontWeight: 600 }} data-testid="eval-total">
                {pointsText(c.total)}
              </TableCell>
              <TableCell>{c.outcome === null ? '—' : OUTCOME_LABELS[c.outcome][locale === 'en' ? 'en' : 'zh']}</TableCell>
              <TableCell>{c.bottom && <Chip size="small" color="error" label={t('eval.bottom')} data-testid="eval-bottom" />}</TableCell>
              {acknowledged !== undefined && (
                <TableCell>
                  {acknowledged.includes(c.managerId) && (
                    <Tooltip title={t('eval.col.acknowledged')}>
                      <CheckIcon fontSize="small" color="success" data-testid="eval-acknowledged" />
                    </Tooltip>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
