import { Alert, AlertTitle, Box, Button, Stack } from '@mui/material';
import { useState } from 'react';
import type { OutletCoverage } from '../../../../shared/assignment/coverage.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { sortedFindings } from './coverage-view.js';

/** How many findings show before the list folds: enough for a branch's breaches, short enough to reach the table. */
const FOLDED = 6;

/** The policy findings as alerts: breaches of the 专职 rule as errors, everything else as warnings. */
export function CoverageFindings(props: { outlets: readonly OutletCoverage[] }) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const all = sortedFindings(props.outlets);
  if (all.length === 0) {
    return (
      <Alert severity="success" data-testid="coverage-findings" data-count={0}>
        {t('coverage.findings.none')}
      </Alert>
    );
  }
  const errors = all.filter((f) => f.severity === 'error');
  const warnings = all.filter((f) => f.severity !== 'error');
  const shownWarnings = open ? warnings : warnings.slice(0, Math.max(0, FOLDED - errors.length));
  const hidden = warnings.length - shownWarnings.length;
  return (
    <Stack sx={{ gap: 1 }} data-testid="coverage-findings" data-count={all.length}>
      {errors.map((f) => (
        <Alert key={`${f.kind}:${f.orgUnitId}`} severity="error" data-testid="coverage-finding" data-kind={f.kind}>
          {pickText(f.message, locale)}
        </Alert>
      ))}
      {warnings.length > 0 && (
        <Alert severity="warning">
          <AlertTitle>{t('coverage.findings.title', { count: warnings.length })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {shownWarnings.map((f) => (
              <li key={`${f.kind}:${f.orgUnitId}:${f.managerId ?? ''}`} data-testid="coverage-finding" data-kind={f.kind}>
                {pickText(f.message, locale)}
              </li>
            ))}
          </Box>
          {(hidden > 0 || open) && (
            <Button size="small" color="inherit" onClick={() => setOpen(!open)} sx={{ mt: 0.5 }}>
              {open ? t('coverage.findings.less') : t('coverage.findings.more', { count: hidden })}
            </Button>
          )}
        </Alert>
      )}
    </Stack>
  );
}
