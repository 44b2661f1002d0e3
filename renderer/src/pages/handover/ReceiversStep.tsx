import { Autocomplete, Box, Button, Chip, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import type { Manager } from '../../../../shared/model/manager.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ManagerOption, managerLabel } from './ManagerOption.js';
import { matchesManager, parseTolerance } from './handover-draft.js';
import type { HandoverWizard } from './useHandoverWizard.js';

/** Step 2: who receives (the leaver's outlet colleagues suggested), and the three rules of the split. */
export function ReceiversStep(props: { wizard: HandoverWizard; unitNames: ReadonlyMap<number, string> }) {
  const t = useT();
  const { wizard, unitNames } = props;
  const { draft } = wizard.state;
  const unitOf = (m: Manager): string => unitNames.get(m.orgUnitId) ?? t('handover.noUnit');
  const leaverUnit = wizard.managers.find((m) => m.id === draft.managerId)?.orgUnitId ?? null;
  const eligible = new Set(wizard.candidates.map((m) => m.id));
  // Chosen receivers come from the whole roster, so one who is no longer eligible on a new date stays visible
  // (marked) and can be removed, instead of silently blocking the step.
  const byId = new Map(wizard.managers.map((m) => [m.id, m]));
  const chosen = draft.receiverIds.flatMap((id) => {
    const m = byId.get(id);
    return m === undefined ? [] : [m];
  });
  const toleranceOk = parseTolerance(draft.tolerance) !== null;
  return (
    <Stack sx={{ gap: 2.5 }}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('handover.receivers.hint')}
      </Typography>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        <Autocomplete<Manager, true>
          multiple
          disableCloseOnSelect
          options={wizard.candidates}
          value={chosen}
          onChange={(_e, ms) => wizard.dispatch({ type: 'receivers', ids: ms.map((m) => m.id) })}
          getOptionLabel={managerLabel}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          filterOptions={(options, s) => options.filter((m) => matchesManager(m, s.inputValue))}
          groupBy={(m) => (m.orgUnitId === leaverUnit ? unitOf(m) : t('handover.receivers.otherOutlet'))}
          renderOption={(liProps, m) => <ManagerOption key={m.id} liProps={liProps} m={m} unitName={unitOf(m)} testId={`handover-receiver-option-${m.staffNo}`} />}
          renderValue={(ms, getItemProps) =>
            ms.map((m, index) => {
              const { key, ...item } = getItemProps({ index });
              return <Chip key={key} {...item} size="small" label={managerLabel(m)} color={eligible.has(m.id) ? 'primary' : 'error'} data-testid="handover-receiver-chip" data-staff-no={m.staffNo} />;
            })
          }
          renderInput={(params) => (
            <TextField {...params} label={t('handover.receivers')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'handover-receivers' } }} />
          )}
          sx={{ flex: 1, maxWidth: 760 }}
        />
        <Button onClick={wizard.suggest} sx={{ mt: 1 }} data-testid="handover-suggest">
          {t('handover.receivers.suggest')}
        </Button>
      </Stack>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <FormControlLabel
          control={<Switch checked={draft.includeOnLeave} onChange={(e) => wizard.setIncludeOnLeave(e.target.checked)} slotProps={{ input: { 'data-testid': 'handover-include-leave' } as object }} />}
          label={t('handover.includeOnLeave')}
        />
        <FormControlLabel
          control={
            <Switch checked={draft.vipFullTimeOnly} onChange={(e) => wizard.dispatch({ type: 'vipFullTimeOnly', value: e.target.checked })} slotProps={{ input: { 'data-testid': 'handover-vip-full-time' } as object }} />
          }
          label={t('handover.vipFullTimeOnly')}
        />
        <TextField
          size="small"
          label={t('handover.tolerance')}
          value={draft.tolerance}
          error={!toleranceOk}
          helperText={t('handover.tolerance.hint')}
          onChange={(e) => wizard.dispatch({ type: 'tolerance', text: e.target.value })}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'handover-tolerance' } }}
          sx={{ width: 300 }}
        />
      </Box>
    </Stack>
  );
}
