import { Checkbox, FormControlLabel, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { CLIENT_TIERS } from '../../../../shared/model/client.js';
import type { ClientTier } from '../../../../shared/model/client.js';
import { useT } from '../../i18n/I18nProvider.js';
import { clientTierKey } from '../../i18n/labels.js';
import { includesLeave, withLeave } from './rules-draft.js';
import type { RulesDraft } from './rules-draft.js';

type Eligible = RulesDraft['eligible'];

/**
 * 谁可以接收客户: 在岗 managers always, 休假 ones only when ticked (调离/离职 never, so they are not offered);
 * the outlet rule; and the branch policy that high tiers go to 专职 managers only, from a chosen tier up.
 */
export function RulesReceiverFields(props: { draft: RulesDraft; onDraft: (d: RulesDraft) => void }) {
  const t = useT();
  const { draft, onDraft } = props;
  const el = draft.eligible;
  const set = (patch: Partial<Eligible>): void => onDraft({ ...draft, eligible: { ...el, ...patch } });
  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <FormControlLabel
        control={<Checkbox checked={includesLeave(draft)} onChange={(e) => onDraft(withLeave(draft, e.target.checked))} slotProps={{ input: { 'data-testid': 'rules-include-leave' } as object }} />}
        label={t('rules.eligible.leave')}
      />
      <FormControlLabel
        control={<Switch checked={el.sameOutletOnly} onChange={(e) => set({ sameOutletOnly: e.target.checked })} slotProps={{ input: { 'data-testid': 'rules-same-outlet' } as object }} />}
        label={t('rules.eligible.sameOutlet')}
      />
      <FormControlLabel
        control={<Switch checked={el.vipFullTimeOnly} onChange={(e) => set({ vipFullTimeOnly: e.target.checked })} slotProps={{ input: { 'data-testid': 'rules-vip-full-time' } as object }} />}
        label={t('rules.eligible.vipFullTime')}
        sx={{ mr: 0 }}
      />
      <TextField
        select
        size="small"
        label={t('rules.eligible.minTier')}
        value={el.vipFullTimeMinTier}
        disabled={!el.vipFullTimeOnly}
        onChange={(e) => set({ vipFullTimeMinTier: e.target.value as ClientTier })}
        sx={{ width: 215 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'rules-vip-min-tier' } as object } }}
      >
        {CLIENT_TIERS.filter((tier) => tier !== 'standard').map((tier) => (
          <MenuItem key={tier} value={tier} data-testid={`rules-vip-min-tier-option-${tier}`}>
            {t('rules.tierAndAbove', { tier: t(clientTierKey(tier)) })}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
