import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { Mapping } from './mapping.js';

/**
 * Saves the mapping under a name the user chooses (e.g. 核心系统客户), to apply by name to later files from the
 * same source even when their columns move. Every commit also remembers its mapping for the same layout.
 */
export function SaveProfile(props: { kind: ImportKind; headers: readonly string[]; mapping: Mapping }) {
  const t = useT();
  const api = useApi();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const save = (): void => {
    setError(null);
    api.call('import.saveProfile', { name: name.trim(), kind: props.kind, headers: [...props.headers], mapping: props.mapping }).then(
      (r) => (r.ok ? setSaved(r.value.name) : setError(r.error)),
      (e: unknown) => setError({ code: 'INTERNAL', message: String(e) }),
    );
  };
  return (
    <Stack sx={{ gap: 1, maxWidth: 820 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <TextField
          size="small"
          label={t('import.profile.name')}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setSaved(null);
          }}
          slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'import-profile-name' } }}
        />
        <Button variant="outlined" size="small" disabled={name.trim() === ''} onClick={save} data-testid="import-profile-save">
          {t('import.profile.save')}
        </Button>
      </Stack>
      {saved !== null && (
        <Alert severity="success" data-testid="import-profile-saved">
          {t('import.profile.saved', { name: saved })}
        </Alert>
      )}
      {error !== null && <ErrorAlert title={t('import.profile.failed')} error={error} />}
    </Stack>
  );
}
