import { Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { DEFAULT_COVERAGE_POLICY } from '../../../../shared/assignment/coverage.js';
import type { CoveragePolicy } from '../../../../shared/assignment/coverage.js';
import { useApi } from '../../api/ApiProvider.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';
import { policyFromForm } from './coverage-view.js';

/** The administrator's edit of the coverage thresholds (the server refuses it to anyone else). */
export function PolicyDialog(props: { policy: CoveragePolicy; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const [minVip, setMinVip] = useState(String(props.policy.minVipForFullTime));
  const [minPct, setMinPct] = useState(props.policy.minCoveragePct === undefined ? '' : String(props.policy.minCoveragePct));
  const policy = policyFromForm(minVip, minPct);
  // Each field judged on its own, so the mark lands on the one that is wrong.
  const vipWrong = policyFromForm(minVip, '') === null;
  const pctWrong = policyFromForm('1', minPct) === null;
  const restore = (): void => {
    setMinVip(String(DEFAULT_COVERAGE_POLICY.minVipForFullTime));
    setMinPct(DEFAULT_COVERAGE_POLICY.minCoveragePct === undefined ? '' : String(DEFAULT_COVERAGE_POLICY.minCoveragePct));
  };
  return (
    <SaveDialog
      title={t('coverage.policy.title')}
      testId="coverage-policy-save"
      canSave={policy !== null}
      onClose={props.onClose}
      onSaved={props.onSaved}
      save={() => api.call('coverage.setPolicy', { policy: policy ?? DEFAULT_COVERAGE_POLICY })}
      extraActions={<Button onClick={restore}>{t('coverage.policy.restore')}</Button>}
    >
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('coverage.policy.hint')}
      </Typography>
      <TextField
        type="number"
        label={t('coverage.policy.minVip')}
        value={minVip}
        onChange={(e) => setMinVip(e.target.value)}
        error={vipWrong}
        slotProps={{ htmlInput: { min: 1, step: 1, 'data-testid': 'coverage-policy-min-vip' } }}
      />
      <TextField
        type="number"
        label={t('coverage.policy.minPct')}
        helperText={t('coverage.policy.minPctHint')}
        value={minPct}
        error={pctWrong}
        onChange={(e) => setMinPct(e.target.value)}
        slotProps={{ htmlInput: { min: 0, max: 100, step: 1, 'data-testid': 'coverage-policy-min-pct' } }}
      />
    </SaveDialog>
  );
}
