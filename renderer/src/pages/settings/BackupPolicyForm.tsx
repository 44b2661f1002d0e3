import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import { BACKUP_REASONS } from '../../../../shared/model/backup.js';
import type { BackupPolicy, BackupReason } from '../../../../shared/model/backup.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';

type Field = BackupReason | 'hours';
type Draft = Record<Field, string>;

/** Limits of the policy's schema (shared/model/backup.ts), checked here so Save is offered only for a valid policy. */
const MAX: Record<Field, number> = { manual: 1000, scheduled: 1000, import: 1000, migration: 1000, restore: 1000, hours: 24 * 31 };

function draftOf(p: BackupPolicy): Draft {
  return { ...(Object.fromEntries(BACKUP_REASONS.map((r) => [r, String(p.keep[r])])) as Record<BackupReason, string>), hours: String(p.scheduleHours) };
}

function valueOf(draft: Draft, field: Field): number | null {
  const text = draft[field].trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX[field] ? n : null;
}

function policyOf(draft: Draft): BackupPolicy | null {
  const fields: Field[] = [...BACKUP_REASONS, 'hours'];
  if (fields.some((f) => valueOf(draft, f) === null)) return null;
  const keep = Object.fromEntries(BACKUP_REASONS.map((r) => [r, valueOf(draft, r) ?? 0])) as Record<BackupReason, number>;
  return { keep, scheduleHours: valueOf(draft, 'hours') ?? 0 };
}

/** Keep counts per kind of backup and the schedule; saved as one setting. */
export function BackupPolicyForm(props: { policy: BackupPolicy }) {
  const t = useT();
  const api = useApi();
  const [draft, setDraft] = useState(() => draftOf(props.policy));
  const [status, setStatus] = useState<{ state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; error: ApiError }>({ state: 'idle' });
  const policy = policyOf(draft);

  const save = (): void => {
    if (policy === null) return;
    setStatus({ state: 'saving' });
    api.call('backup.setPolicy', { policy }).then(
      (r) => {
        if (r.ok) {
          setDraft(draftOf(r.value));
          setStatus({ state: 'saved' });
        } else setStatus({ state: 'failed', error: r.error });
      },
      (e: unknown) => setStatus({ state: 'failed', error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }),
    );
  };

  const field = (f: Field, label: string) => {
    const invalid = valueOf(draft, f) === null;
    return (
      <TextField
        key={f}
        size="small"
        label={label}
        value={draft[f]}
        error={invalid}
        helperText={invalid ? t('backup.policy.invalid', { max: MAX[f] }) : ' '}
        onChange={(e) => {
          setDraft({ ...draft, [f]: e.target.value });
          setStatus({ state: 'idle' });
        }}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `backup-policy-${f}` } }}
        sx={{ width: 220 }}
      />
    );
  };

  return (
    <Stack sx={{ gap: 1 }} data-testid="backup-policy">
      <Typography variant="h3">{t('backup.policy.title')}</Typography>
      <Typography sx={{ color: 'text.secondary' }}>{t('backup.policy.keepHint')}</Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        {BACKUP_REASONS.map((r) => field(r, t('backup.policy.keep', { reason: t(`backup.reason.${r}`) })))}
        {field('hours', t('backup.policy.hours'))}
      </Stack>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
        <Button variant="outlined" disabled={policy === null || status.state === 'saving'} onClick={save} data-testid="backup-policy-save">
          {t('backup.policy.save')}
        </Button>
        {status.state === 'saved' && (
          <Alert severity="success" sx={{ py: 0 }} data-testid="backup-policy-saved">
            {t('backup.policy.saved')}
          </Alert>
        )}
      </Stack>
      {status.state === 'failed' && <ErrorAlert title={t('backup.policy.saveFailed')} error={status.error} />}
    </Stack>
  );
}
