import { Button, MenuItem, Stack, TextField } from '@mui/material';
import type { FormEvent } from 'react';
import { AUDIT_OUTCOMES } from '../../../../shared/api/ops/audit.js';
import type { AuditOutcome } from '../../../../shared/api/ops/audit.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { AuditFilterForm } from './audit-view.js';
import { outcomeKey } from './audit-view.js';

/** The filters apply on Search (or Enter), not per keystroke: each change would re-read the log. */
export function AuditFiltersBar(props: { form: AuditFilterForm; onChange: (form: AuditFilterForm) => void; onApply: () => void; onClear: () => void }) {
  const t = useT();
  const { form, onChange } = props;
  const set = <K extends keyof AuditFilterForm>(key: K, value: AuditFilterForm[K]): void => onChange({ ...form, [key]: value });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    props.onApply();
  };
  const dateProps = { size: 'small', type: 'date', slotProps: { inputLabel: { shrink: true } }, sx: { width: 160 } } as const;
  return (
    <Stack component="form" direction="row" onSubmit={submit} sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }} data-testid="audit-filters">
      <TextField size="small" label={t('audit.filter.user')} value={form.username} onChange={(e) => set('username', e.target.value)} sx={{ width: 150 }} data-testid="audit-filter-user" />
      <TextField size="small" label={t('audit.filter.action')} value={form.action} onChange={(e) => set('action', e.target.value)} sx={{ width: 230 }} data-testid="audit-filter-action" />
      <TextField
        select
        size="small"
        label={t('audit.filter.outcome')}
        value={form.outcome}
        onChange={(e) => set('outcome', e.target.value as AuditOutcome | '')}
        sx={{ width: 130 }}
        data-testid="audit-filter-outcome"
      >
        <MenuItem value="">{t('audit.filter.anyOutcome')}</MenuItem>
        {AUDIT_OUTCOMES.map((o) => (
          <MenuItem key={o} value={o}>
            {t(outcomeKey(o))}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...dateProps} label={t('audit.filter.from')} value={form.from} onChange={(e) => set('from', e.target.value)} data-testid="audit-filter-from" />
      <TextField {...dateProps} label={t('audit.filter.to')} value={form.to} onChange={(e) => set('to', e.target.value)} data-testid="audit-filter-to" />
      <TextField size="small" label={t('audit.filter.text')} value={form.text} onChange={(e) => set('text', e.target.value)} sx={{ width: 200 }} data-testid="audit-filter-text" />
      <Button type="submit" variant="contained" size="small" data-testid="audit-filter-apply">
        {t('audit.filter.apply')}
      </Button>
      <Button size="small" onClick={props.onClear} data-testid="audit-filter-clear">
        {t('audit.filter.clear')}
      </Button>
    </Stack>
  );
}
