import { Box, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useT } from '../../i18n/I18nProvider.js';
import { parseTolerance } from './rules-draft.js';
import type { RulesDraft, RulesFormState } from './rules-draft.js';
import { RulesClientFields } from './RulesClientFields.js';
import { RulesReceiverFields } from './RulesReceiverFields.js';
import { UnitMultiSelect } from './UnitMultiSelect.js';

function Section(props: { title: string; note: string | null; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        {props.title}
      </Typography>
      {props.children}
      {props.note !== null && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
          {props.note}
        </Typography>
      )}
    </Box>
  );
}

/** 规则: the date and scope, which clients, who may receive, and the balance objective. */
export function RulesForm(props: { form: RulesFormState; onForm: (f: RulesFormState) => void; units: readonly OrgUnit[] }) {
  const t = useT();
  const { form, onForm, units } = props;
  const { draft } = form;
  const onDraft = (d: RulesDraft): void => onForm({ ...form, draft: d });
  const toleranceBad = parseTolerance(form.toleranceText) === null;
  // Manager lists have no control here; they come from a loaded file (a handover's rules) and are kept as they are.
  const holders = draft.select.managerIds;
  const receivers = draft.eligible.managerIds;
  return (
    <Stack sx={{ gap: 2.5 }} data-testid="rules-form">
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          type="date"
          size="small"
          label={t('rules.asOf')}
          value={draft.asOf}
          onChange={(e) => onDraft({ ...draft, asOf: e.target.value })}
          helperText={t('rules.asOfHelp')}
          error={draft.asOf === ''}
          sx={{ width: 260 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'rules-as-of' } }}
        />
        <UnitMultiSelect
          id="rules-scope"
          label={t('rules.scope')}
          anyLabel={t('rules.scopeAll')}
          units={units}
          values={draft.scope.orgUnitIds ?? []}
          onChange={(orgUnitIds) => onDraft({ ...draft, scope: { orgUnitIds } })}
          width={300}
        />
      </Stack>
      <Section title={t('rules.section.clients')} note={holders === undefined ? null : t('rules.select.fixedManagers', { count: holders.length })}>
        <RulesClientFields draft={draft} onDraft={onDraft} units={units} />
      </Section>
      <Section title={t('rules.section.receivers')} note={receivers === undefined ? null : t('rules.eligible.fixedManagers', { count: receivers.length })}>
        <RulesReceiverFields draft={draft} onDraft={onDraft} />
      </Section>
      <Section title={t('rules.section.objective')} note={t('rules.objective.toleranceHelp')}>
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label={t('rules.objective.tolerance')}
            value={form.toleranceText}
            onChange={(e) => onForm({ ...form, toleranceText: e.target.value })}
            error={toleranceBad}
            {...(toleranceBad ? { helperText: t('rules.objective.toleranceInvalid') } : {})}
            sx={{ width: 160 }}
            slotProps={{ htmlInput: { inputMode: 'decimal', maxLength: 6, 'data-testid': 'rules-tolerance' } }}
          />
          <FormControlLabel
            sx={{ mt: 0.5 }}
            control={
              <Switch
                checked={draft.objective.keepExisting}
                onChange={(e) => onDraft({ ...draft, objective: { ...draft.objective, keepExisting: e.target.checked } })}
                slotProps={{ input: { 'data-testid': 'rules-keep-existing' } as object }}
              />
            }
            label={t('rules.objective.keepExisting')}
          />
        </Stack>
      </Section>
    </Stack>
  );
}
