import { Checkbox, FormControlLabel, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { SEGMENT_CODES, TIER_LABELS, segmentLabel } from '../../../../shared/book/labels.js';
import type { SegmentCode } from '../../../../shared/book/labels.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { CLIENT_TIERS } from '../../../../shared/model/client.js';
import type { ClientTier } from '../../../../shared/model/client.js';
import type { ContactPlan } from '../../../../shared/worklog/types.js';
import { useApi } from '../../api/ApiProvider.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';

/** A whole number of days a plan may ask for: 1 … 366. */
export function everyDaysOf(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= 366 ? n : null;
}

/** Add or change a contact plan: a tier or a segment, and at most how many days may pass between contacts. */
export function PlanDialog(props: { plan?: ContactPlan; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const p = props.plan;
  const [kind, setKind] = useState<'tier' | 'segment'>(p !== undefined && p.segment !== null ? 'segment' : 'tier');
  const [tier, setTier] = useState<ClientTier>(p?.tier ?? 'private');
  const [segment, setSegment] = useState<SegmentCode>(p?.segment ?? 'private.hc_hl');
  const [every, setEvery] = useState(String(p?.everyDays ?? 30));
  const [active, setActive] = useState(p?.active ?? true);
  const everyDays = everyDaysOf(every);
  return (
    <SaveDialog
      title={t('worklog.plans.dialogTitle')}
      testId="worklog-plan-save"
      canSave={everyDays !== null}
      onClose={props.onClose}
      onSaved={props.onSaved}
      save={() =>
        api.call('contactPlans.save', {
          ...(p === undefined ? {} : { id: p.id }),
          ...(kind === 'tier' ? { tier } : { segment }),
          everyDays: everyDays ?? 1,
          active,
        })
      }
    >
      <TextField select size="small" label={t('worklog.plans.kind')} value={kind} onChange={(e) => setKind(e.target.value as 'tier' | 'segment')} data-testid="worklog-plan-kind">
        <MenuItem value="tier">{t('worklog.plans.kind.tier')}</MenuItem>
        <MenuItem value="segment">{t('worklog.plans.kind.segment')}</MenuItem>
      </TextField>
      {kind === 'tier' ? (
        <TextField select size="small" label={t('worklog.plans.kind.tier')} value={tier} onChange={(e) => setTier(e.target.value as ClientTier)} data-testid="worklog-plan-tier">
          {CLIENT_TIERS.map((c) => (
            <MenuItem key={c} value={c}>
              {pickText(TIER_LABELS[c], locale)}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <TextField select size="small" label={t('worklog.plans.kind.segment')} value={segment} onChange={(e) => setSegment(e.target.value as SegmentCode)} data-testid="worklog-plan-segment">
          {SEGMENT_CODES.map((c) => (
            <MenuItem key={c} value={c}>
              {pickText(segmentLabel(c), locale)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        size="small"
        type="number"
        label={t('worklog.plans.everyDays')}
        value={every}
        error={everyDays === null}
        onChange={(e) => setEvery(e.target.value)}
        slotProps={{ htmlInput: { min: 1, max: 366, step: 1, 'data-testid': 'worklog-plan-every' } }}
      />
      <FormControlLabel control={<Checkbox checked={active} onChange={(e) => setActive(e.target.checked)} />} label={t('worklog.plans.activeLabel')} />
    </SaveDialog>
  );
}
