import { Box, Chip, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { EvaluationCard } from '../../../../shared/evaluation/card.js';
import { OUTCOME_LABELS, pointsText } from '../../../../shared/evaluation/card.js';
import type { Scheme, SchemeItem } from '../../../../shared/evaluation/scheme.js';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { gradeKey, managerTypeKey } from '../../i18n/labels.js';
import { ItemPoints } from './ScoresTable.js';
import { figureUnitOf, rankText, stepText, traceValueText } from './run-view.js';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function Figure(props: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <Box sx={{ minWidth: 110 }} data-testid={props.testId}>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {props.label}
      </Typography>
      <Typography sx={{ ...NUM, fontSize: props.strong === true ? '1.6rem' : '1.1rem', fontWeight: props.strong === true ? 700 : 500 }}>{props.value}</Typography>
    </Box>
  );
}

/** One item with its hand calculation, step by step, in the reader's language. */
function ItemTrace(props: { item: SchemeItem; card: EvaluationCard; indicators: readonly IndicatorView[]; comment: string | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const score = props.card.items.find((s) => s.key === props.item.key);
  const unit = figureUnitOf(props.item, props.indicators);
  return (
    <Paper variant="outlined" sx={{ p: 1.5, flex: '1 1 320px', minWidth: 300 }} data-testid={`eval-card-item-${props.item.key}`} data-points={score?.points ?? ''} data-status={score?.status ?? ''}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 0.5 }}>
        <Typography sx={{ fontWeight: 600 }}>{props.item.name}</Typography>
        <Typography sx={{ ...NUM, fontWeight: 600 }}>
          <ItemPoints score={score} />
        </Typography>
      </Stack>
      <Table size="small">
        <TableBody>
          {(score?.trace ?? []).map((s, i) => (
            <TableRow key={i} sx={{ '& td': { borderBottom: 'none', py: 0.25, px: 0.5 } }}>
              <TableCell sx={{ color: 'text.secondary' }}>{stepText(s, locale)}</TableCell>
              <TableCell align="right" sx={NUM}>
                {traceValueText(s, unit)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.comment !== undefined && (
        <Typography variant="body2" sx={{ mt: 0.75, px: 0.5 }} data-testid="eval-card-comment">
          {t('eval.card.comment', { text: props.comment })}
        </Typography>
      )}
    </Paper>
  );
}

/**
 * A manager's scorecard (考核表) on screen: the total with rank and suggested outcome, how the subtotals make the
 * total, and every item's trace — the same figures the printed sheet shows.
 */
export function CardBody(props: { card: EvaluationCard; scheme: Scheme; indicators: readonly IndicatorView[]; comments: Readonly<Record<string, string>> }) {
  const t = useT();
  const { locale } = useLocale();
  const { card, scheme } = props;
  return (
    <Stack sx={{ gap: 2 }} data-testid="eval-card" data-manager-id={card.managerId} data-total={card.total ?? ''}>
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <Figure label={t('eval.col.total')} value={pointsText(card.total)} testId="eval-card-total" strong />
        <Figure label={t('eval.col.rankBranch')} value={rankText(card.rankBranch, card.of.branch)} />
        <Figure label={t('eval.col.rankOutlet')} value={rankText(card.rankOutlet, card.of.outlet)} />
        <Figure label={t('eval.col.outcome')} value={card.outcome === null ? '—' : OUTCOME_LABELS[card.outcome][locale === 'en' ? 'en' : 'zh']} />
        {card.bottom && <Chip color="error" label={t('eval.bottomWarning')} data-testid="eval-card-bottom" />}
        <Typography variant="body2" sx={{ color: 'text.secondary', ml: 'auto' }}>
          {t(gradeKey(card.manager.grade))} · {t(managerTypeKey(card.manager.type))} · {card.manager.outletName}
        </Typography>
      </Stack>
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Table size="small" data-testid="eval-card-summary">
          <TableBody>
            {card.trace.map((s, i) => (
              <TableRow key={i} sx={{ '& td': { py: 0.4 } }}>
                <TableCell>{stepText(s, locale)}</TableCell>
                <TableCell align="right" sx={{ ...NUM, fontWeight: s.en === 'Total' ? 700 : 400 }}>
                  {s.value}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
        {scheme.items.map((i) => (
          <ItemTrace key={i.key} item={i} card={card} indicators={props.indicators} comment={props.comments[i.key]} />
        ))}
      </Box>
    </Stack>
  );
}
