import { Checkbox, FormControlLabel, FormGroup, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { CLIENT_TIERS } from '../../../../shared/model/client.js';
import type { ProductType } from '../../../../shared/model/client.js';
import { CONTACT_PERIOD_MONTHS } from '../../../../shared/tasks/standards.js';
import { TASK_PRIORITIES } from '../../../../shared/tasks/model.js';
import { useT } from '../../i18n/I18nProvider.js';
import { priorityKey, productKey, tierKey } from './task-view.js';
import type { GenerateForm } from './task-view.js';

/** Product types that carry a maturity date in the core extracts. */
const MATURING: readonly ProductType[] = ['deposit_time', 'wealth', 'insurance'];
const VIP_TIERS = CLIENT_TIERS.filter((t): t is Exclude<typeof t, 'standard'> => t !== 'standard');

/** The parameters of the chosen generator, with the date and priority every generator takes. */
export function GenerateFields(props: { form: GenerateForm; set: <K extends keyof GenerateForm>(key: K, value: GenerateForm[K]) => void }) {
  const t = useT();
  const { form, set } = props;
  const num = (key: 'days' | 'dropPct' | 'dueInDays' | 'minAmountYuan' | 'minPrevYuan', label: string, testId: string, width = 150) => (
    <TextField label={label} value={form[key]} onChange={(e) => set(key, e.target.value)} sx={{ width }} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }} />
  );
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField
          type="date"
          label={t(form.generator === 'maturity' ? 'tasks.gen.from' : 'tasks.gen.asOf')}
          value={form.asOf}
          onChange={(e) => set('asOf', e.target.value)}
          sx={{ width: 170 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'tasks-gen-as-of' } }}
        />
        <TextField select label={t('tasks.col.priority')} value={form.priority} onChange={(e) => set('priority', e.target.value as GenerateForm['priority'])} sx={{ width: 120 }}>
          {TASK_PRIORITIES.map((p) => (
            <MenuItem key={p} value={p}>
              {t(priorityKey(p))}
            </MenuItem>
          ))}
        </TextField>
        {form.generator === 'maturity' && num('days', t('tasks.gen.days'), 'tasks-gen-days', 120)}
        {form.generator === 'maturity' && num('minAmountYuan', t('tasks.gen.minAmount'), 'tasks-gen-min-amount', 200)}
        {form.generator === 'vip_uncontacted' && (
          <TextField select label={t('tasks.gen.minTier')} value={form.minTier} onChange={(e) => set('minTier', e.target.value as GenerateForm['minTier'])} sx={{ width: 140 }}>
            {VIP_TIERS.map((tier) => (
              <MenuItem key={tier} value={tier}>
                {t(tierKey(tier))}
              </MenuItem>
            ))}
          </TextField>
        )}
        {form.generator === 'vip_uncontacted' && (
          <TextField select label={t('tasks.gen.everyMonths')} value={form.everyMonths} onChange={(e) => set('everyMonths', Number(e.target.value) as GenerateForm['everyMonths'])} sx={{ width: 160 }}>
            {CONTACT_PERIOD_MONTHS.map((m) => (
              <MenuItem key={m} value={m}>
                {t('tasks.gen.months', { count: m })}
              </MenuItem>
            ))}
          </TextField>
        )}
        {form.generator === 'aum_drop' && num('dropPct', t('tasks.gen.dropPct'), 'tasks-gen-drop-pct', 130)}
        {form.generator === 'aum_drop' && num('minPrevYuan', t('tasks.gen.minPrev'), 'tasks-gen-min-prev', 210)}
        {form.generator === 'aum_drop' && num('dueInDays', t('tasks.gen.dueInDays'), 'tasks-gen-due-days', 130)}
      </Stack>
      {form.generator === 'maturity' && (
        <Stack>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('tasks.gen.products')}
          </Typography>
          <FormGroup row>
            {MATURING.map((p) => (
              <FormControlLabel
                key={p}
                label={t(productKey(p))}
                control={
                  <Checkbox
                    checked={form.productTypes.includes(p)}
                    onChange={(e) => set('productTypes', e.target.checked ? [...form.productTypes, p] : form.productTypes.filter((x) => x !== p))}
                  />
                }
              />
            ))}
          </FormGroup>
        </Stack>
      )}
    </Stack>
  );
}
