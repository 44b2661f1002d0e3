import { Autocomplete, Paper, Stack, TextField, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Manager } from '../../../../shared/model/manager.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { gradeKey, managerTypeKey } from '../../i18n/labels.js';
import { formatCount } from '../../i18n/messages.js';
import { ManagerOption, StatusChip, managerLabel } from './ManagerOption.js';
import { matchesManager } from './handover-draft.js';
import type { HandoverWizard } from './useHandoverWizard.js';

/** Step 1: who leaves (any status: a manager already 调离 may still hold clients) and from which day. */
export function LeavingStep(props: { wizard: HandoverWizard; unitNames: ReadonlyMap<number, string> }) {
  const t = useT();
  const { wizard, unitNames } = props;
  const { draft } = wizard.state;
  const unitOf = (m: Manager): string => unitNames.get(m.orgUnitId) ?? t('handover.noUnit');
  const leaver = wizard.managers.find((m) => m.id === draft.managerId) ?? null;
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Autocomplete<Manager>
          options={wizard.managers}
          value={leaver}
          onChange={(_e, m) => wizard.chooseLeaver(m?.id ?? null)}
          getOptionLabel={managerLabel}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          filterOptions={(options, s) => options.filter((m) => matchesManager(m, s.inputValue))}
          noOptionsText={t('handover.leaver.none')}
          renderOption={(liProps, m) => <ManagerOption key={m.id} liProps={liProps} m={m} unitName={unitOf(m)} testId={`handover-leaver-option-${m.staffNo}`} />}
          renderInput={(params) => (
            <TextField
              {...params}
              label={t('handover.leaver')}
              placeholder={t('handover.leaver.placeholder')}
              slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'handover-leaver' } }}
            />
          )}
          sx={{ width: 380 }}
        />
        <TextField
          type="date"
          label={t('handover.from')}
          helperText={t('handover.from.hint')}
          value={draft.from}
          onChange={(e) => wizard.dispatch({ type: 'from', from: e.target.value })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'handover-from' } }}
          sx={{ width: 200 }}
        />
      </Stack>
      {leaver !== null && <LeaverCard m={leaver} unitName={unitOf(leaver)} />}
    </Stack>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Stack sx={{ minWidth: 140 }}>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {props.label}
      </Typography>
      <Typography component="div" sx={{ display: 'flex', alignItems: 'center' }}>
        {props.children}
      </Typography>
    </Stack>
  );
}

/** What the supervisor checks before going on: the right person, their outlet, their status that day, their book. */
function LeaverCard(props: { m: Manager; unitName: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { m } = props;
  const held = useApiQuery('clients.count', { managerId: m.id });
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', gap: 3, flexWrap: 'wrap' }} data-testid="handover-leaver-card" data-staff-no={m.staffNo} data-org-unit-id={m.orgUnitId}>
      <Fact label={t('handover.leaver')}>{managerLabel(m)}</Fact>
      <Fact label={t('handover.leaver.outlet')}>{props.unitName}</Fact>
      <Fact label={t('handover.leaver.role')}>
        {t(gradeKey(m.grade))} · {t(managerTypeKey(m.type))}
      </Fact>
      <Fact label={t('handover.leaver.status')}>
        {m.status === 'active' ? t('manager.status.active') : <StatusChip status={m.status} />}
      </Fact>
      <Fact label={t('handover.leaver.holds')}>
        <span data-testid="handover-leaver-holds">{held.state === 'ready' ? t('handover.leaver.holdsCount', { count: formatCount(held.value.count, locale) }) : '…'}</span>
      </Fact>
    </Paper>
  );
}
