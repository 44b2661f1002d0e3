import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { TeamDialog } from './TeamDialog.js';
import { bpToPercent, sortTeam } from './team-form.js';

/**
 * 管户团队与分成: who looks after the client today (the primary and any secondaries) and how the credit is split, with
 * the editor for supervisors. Shares decide how balances count in each manager's evaluation.
 */
export function TeamCard(props: { clientId: number; orgUnitId: number | null; onChanged: () => void }) {
  const t = useT();
  const team = useApiQuery('assignment.team', { clientId: props.clientId });
  const [editing, setEditing] = useState(false);
  const members = team.state === 'ready' ? sortTeam(team.value.members) : [];
  return (
    <Card variant="outlined" data-testid="client-team" data-state={team.state}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1 }}>
          <Typography variant="h3" component="h2">
            {t('team.title')}
          </Typography>
          <Button size="small" startIcon={<EditIcon />} disabled={team.state !== 'ready'} onClick={() => setEditing(true)} data-testid="team-edit">
            {t('team.edit')}
          </Button>
        </Stack>
        {team.state === 'error' && <ErrorAlert error={team.error} onRetry={team.reload} />}
        {team.state === 'ready' && members.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{t('team.none')}</Typography>}
        {members.map((m) => (
          <Stack key={`${m.managerId}-${m.role}`} direction="row" sx={{ alignItems: 'center', gap: 1, py: 0.5 }} data-testid="team-member" data-staff-no={m.staffNo} data-role={m.role} data-share-bp={m.shareBp}>
            <Chip size="small" color={m.role === 'primary' ? 'primary' : 'default'} label={t(m.role === 'primary' ? 'team.primary' : 'team.secondary')} sx={{ minWidth: 64 }} />
            <Typography sx={{ flex: 1 }}>
              {m.name}（{m.staffNo}）
            </Typography>
            <ShareBar bp={m.shareBp} primary={m.role === 'primary'} />
            <Typography sx={{ width: 64, textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{bpToPercent(m.shareBp)}%</Typography>
          </Stack>
        ))}
        {team.state === 'ready' && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('team.asOf', { day: team.value.day })}
          </Typography>
        )}
      </CardContent>
      {editing && team.state === 'ready' && (
        <TeamDialog
          clientId={props.clientId}
          orgUnitId={props.orgUnitId}
          members={team.value.members}
          onClose={() => setEditing(false)}
          onSaved={() => {
            team.reload();
            props.onChanged();
          }}
        />
      )}
    </Card>
  );
}

/** The share drawn as a bar, so a 70/30 split reads at a glance. */
function ShareBar(props: { bp: number; primary: boolean }) {
  return (
    <Box sx={{ width: 96, height: 8, borderRadius: 4, bgcolor: 'action.hover', overflow: 'hidden' }} aria-hidden>
      <Box sx={{ width: `${props.bp / 100}%`, height: '100%', bgcolor: props.primary ? 'primary.main' : 'secondary.main' }} />
    </Box>
  );
}
