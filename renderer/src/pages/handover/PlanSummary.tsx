import { Alert, AlertTitle, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import type { HandoverPlan } from '../../../../shared/assignment/handover.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { formatFen } from '../../../../shared/model/money.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { DASH } from './handover-view.js';

const WARNINGS_SHOWN = 5;

function Figure(props: { label: string; value: string; testId: string; tone?: 'warning' | undefined }) {
  return (
    <Card variant="outlined" sx={{ flex: '1 1 150px', minWidth: 150 }} data-testid={props.testId}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {props.label}
        </Typography>
        <Typography variant="h3" component="p" sx={{ fontVariantNumeric: 'tabular-nums', color: props.tone === undefined ? undefined : `${props.tone}.main` }}>
          {props.value}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** Whether the plan meets every rule (and if not, why and what happens anyway), the totals, and the engine's notes. */
export function PlanSummary(props: { plan: HandoverPlan }) {
  const t = useT();
  const { locale } = useLocale();
  const [allWarnings, setAllWarnings] = useState(false);
  const { plan } = props;
  const { totals } = plan;
  const n = (v: number): string => formatCount(v, locale);
  const warnings = allWarnings ? plan.warnings : plan.warnings.slice(0, WARNINGS_SHOWN);
  return (
    <>
      <Alert severity={plan.feasible ? 'success' : 'warning'} data-testid="handover-verdict" data-feasible={plan.feasible}>
        {plan.feasible ? t('handover.preview.feasible') : t('handover.preview.infeasible', { reason: plan.reason === null ? DASH : pickText(plan.reason, locale) })}
        {!plan.feasible && totals.unplaced > 0 && <Box>{t('handover.preview.bestEffort')}</Box>}
      </Alert>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        <Figure label={t('handover.totals.clients')} value={n(totals.clients)} testId="handover-total-clients" />
        <Figure label={t('handover.totals.aum')} value={formatFen(totals.aumFen)} testId="handover-total-aum" />
        <Figure label={t('handover.totals.vip')} value={n(totals.vip)} testId="handover-total-vip" />
        <Figure label={t('handover.totals.tasks')} value={n(totals.tasks)} testId="handover-total-tasks" />
        <Figure label={t('handover.totals.unplaced')} value={n(totals.unplaced)} testId="handover-total-unplaced" tone={totals.unplaced > 0 ? 'warning' : undefined} />
      </Box>
      {plan.warnings.length > 0 && (
        <Alert
          severity="info"
          data-testid="handover-warnings"
          action={
            plan.warnings.length > WARNINGS_SHOWN ? (
              <Button size="small" color="inherit" onClick={() => setAllWarnings((v) => !v)}>
                {allWarnings ? t('handover.warnings.less') : t('handover.warnings.more')}
              </Button>
            ) : undefined
          }
        >
          <AlertTitle>{t('handover.warnings', { count: n(plan.warnings.length) })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {warnings.map((w, i) => (
              <li key={i} data-testid="handover-warning" data-kind={w.kind}>
                {pickText(w.message, locale)}
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </>
  );
}
