import { Alert, Button, IconButton, InputAdornment, MenuItem, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useMemo, useState } from 'react';
import type { TeamMemberInfo } from '../../../../shared/api/ops/assignment.js';
import type { Manager } from '../../../../shared/model/manager.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';
import { managerStatusKey } from '../../i18n/labels.js';
import type { MessageKey } from '../../i18n/messages.js';
import { isIsoDate, localToday } from '../handover/handover-draft.js';
import { MAX_SECONDARIES, bpToPercent, checkTeam, draftFromTeam, teamCandidates } from './team-form.js';
import type { SecondaryDraft, TeamDraft, TeamProblem } from './team-form.js';

const NOBODY = '';
const problemKey = (p: TeamProblem): MessageKey => `team.problem.${p}`;

/**
 * 调整管户团队: the primary and up to five secondaries with their shares from a date. What the primary keeps is shown
 * as the shares are typed, and the form says what is wrong before the server has to.
 */
export function TeamDialog(props: { clientId: number; orgUnitId: number | null; members: readonly TeamMemberInfo[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const [draft, setDraft] = useState<TeamDraft>(() => draftFromTeam(props.members));
  const [from, setFrom] = useState(localToday);
  const [reason, setReason] = useState('');
  const roster = useApiQuery('managers.list', isIsoDate(from) ? { asOf: from } : {});
  const rosterRows = roster.state === 'ready' ? roster.value : roster.latest;
  const keep = useMemo(() => new Set(props.members.map((m) => m.managerId)), [props.members]);
  const options = useMemo(() => teamCandidates(rosterRows ?? [], props.orgUnitId, keep), [rosterRows, props.orgUnitId, keep]);
  const check = checkTeam(draft);
  const setSecondary = (i: number, patch: Partial<SecondaryDraft>): void =>
    setDraft((d) => ({ ...d, secondaries: d.secondaries.map((s, k) => (k === i ? { ...s, ...patch } : s)) }));
  return (
    <SaveDialog
      title={t('team.dialog.title')}
      testId="team-save"
      canSave={check.secondaries !== null && draft.primaryId !== null && isIsoDate(from)}
      onClose={props.onClose}
      onSaved={props.onSaved}
      save={() =>
        api.call('assignment.setTeam', {
          clientId: props.clientId,
          from,
          primaryId: draft.primaryId ?? 0,
          secondaries: check.secondaries ?? [],
          ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
        })
      }
    >
      <ManagerSelect label={t('team.dialog.primary')} testId="team-primary" options={options} value={draft.primaryId} onChange={(id) => setDraft((d) => ({ ...d, primaryId: id }))} />
      <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="team-primary-keeps" data-bp={check.primaryBp ?? ''}>
        {t('team.dialog.primaryKeeps', { pct: check.primaryBp === null ? '—' : bpToPercent(check.primaryBp) })}
      </Typography>
      {draft.secondaries.map((s, i) => (
        <Stack key={i} direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
          <ManagerSelect label={t('team.dialog.secondary')} testId={`team-secondary-${i}`} options={options} value={s.managerId} onChange={(id) => setSecondary(i, { managerId: id })} />
          <TextField
            label={t('team.dialog.share')}
            value={s.share}
            onChange={(e) => setSecondary(i, { share: e.target.value })}
            sx={{ width: 110, flexShrink: 0 }}
            slotProps={{ input: { endAdornment: <InputAdornment position="end">%</InputAdornment> }, htmlInput: { inputMode: 'decimal', 'data-testid': `team-share-${i}` } }}
          />
          <IconButton aria-label={t('team.dialog.remove')} onClick={() => setDraft((d) => ({ ...d, secondaries: d.secondaries.filter((_, k) => k !== i) }))} sx={{ mt: 1 }} data-testid={`team-remove-${i}`}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Button
        startIcon={<AddIcon />}
        disabled={draft.secondaries.length >= MAX_SECONDARIES}
        onClick={() => setDraft((d) => ({ ...d, secondaries: [...d.secondaries, { managerId: null, share: '' }] }))}
        sx={{ alignSelf: 'flex-start' }}
        data-testid="team-add"
      >
        {t('team.dialog.add')}
      </Button>
      <Typography variant="caption" sx={{ color: 'text.secondary', mt: -1 }}>
        {t('team.dialog.hint')}
      </Typography>
      {check.problems.length > 0 && (
        <Alert severity="warning" data-testid="team-problems" data-problems={check.problems.join(' ')}>
          {check.problems.map((p) => t(problemKey(p))).join(' ')}
        </Alert>
      )}
      <TextField type="date" label={t('team.dialog.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'team-from' } }} />
      <TextField label={t('team.dialog.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'team-reason' } }} />
    </SaveDialog>
  );
}

function ManagerSelect(props: { label: string; testId: string; options: readonly Manager[]; value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  return (
    <TextField
      select
      fullWidth
      label={props.label}
      value={props.value === null ? NOBODY : String(props.value)}
      onChange={(e) => props.onChange(e.target.value === NOBODY ? null : Number(e.target.value))}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': props.testId } as object } }}
    >
      {props.options.map((m) => (
        <MenuItem key={m.id} value={String(m.id)} disabled={m.status === 'transferred' || m.status === 'departed'} data-testid={`team-option-${m.staffNo}`}>
          {m.name}（{m.staffNo}）{m.status === 'active' ? '' : ` · ${t(managerStatusKey(m.status))}`}
        </MenuItem>
      ))}
    </TextField>
  );
}
