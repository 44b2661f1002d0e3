import { Button, Stack, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import type { ReportTemplateInfo } from '../../../../shared/api/ops/templates.js';
import { useApi } from '../../api/ApiProvider.js';
import { useAction } from '../../api/useAction.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { bytesToBase64 } from './template-grid.js';

/**
 * Upload: pick an .xlsx, name it (the file's name by default), send it. The server checks the file (an .xlsx of at
 * most 5 MB without macros) and says what is wrong in place.
 */
export function UploadTemplate(props: { onUploaded: (t: ReportTemplateInfo) => void }) {
  const t = useT();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const action = useAction();
  const upload = (file: File): void => {
    file.arrayBuffer().then(
      (buffer) => {
        const fileName = file.name;
        const given = name.trim() === '' ? fileName.replace(/\.[^.]+$/, '') : name.trim();
        void action.run(
          () => api.call('templates.upload', { name: given.slice(0, 100), fileName, base64: bytesToBase64(new Uint8Array(buffer)) }),
          (info) => {
            setName('');
            props.onUploaded(info);
          },
        );
      },
      () => undefined,
    );
  };
  return (
    <Stack sx={{ gap: 1, alignItems: 'flex-end' }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <TextField size="small" label={t('templates.uploadName')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'templates-upload-name', maxLength: 100 } }} />
        <Button variant="contained" disabled={action.busy} onClick={() => input.current?.click()} data-testid="templates-upload">
          {t('templates.upload')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          aria-label={t('templates.uploadPick')}
          data-testid="templates-upload-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) upload(file);
          }}
        />
      </Stack>
      {action.error !== null && <ErrorAlert title={t('templates.uploadFailed')} error={action.error} />}
    </Stack>
  );
}
