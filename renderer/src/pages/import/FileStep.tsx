import { Alert, Box, Button, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ChangeEvent, ReactNode } from 'react';
import type { ImportInspection } from '../../../../shared/api/ops/import.js';
import { IMPORT_KINDS } from '../../../../shared/import/kinds.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { ENCODING_CHOICES, delimiterLabel, encodingName, formatSize, kindLabel } from './labels.js';
import type { ImportWizard } from './useImportWizard.js';
import { withOption } from './wizard-state.js';

const AUTO = 'auto';
const ACCEPT = '.csv,.txt,.tsv,.dat,.prn,.xlsx';

/** Step 1: the file, the kind of data in it, and what the server made of it. */
export function FileStep(props: { wizard: ImportWizard }) {
  const t = useT();
  const { locale } = useLocale();
  const { state, dispatch, fileStatus, fileError, chooseFile, retryInspect } = props.wizard;
  const busy = fileStatus === 'uploading' || fileStatus === 'inspecting';

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it on disk) still fires a change.
    e.target.value = '';
    if (file !== undefined) chooseFile(file);
  };

  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" component="label" startIcon={<UploadFileIcon />} disabled={busy}>
          {t(state.file === null ? 'import.file.choose' : 'import.file.chooseOther')}
          <input type="file" hidden accept={ACCEPT} onChange={onFile} data-testid="import-file-input" />
        </Button>
        <TextField
          select
          size="small"
          label={t('import.file.kind')}
          value={state.chosenKind ?? AUTO}
          onChange={(e) => dispatch({ type: 'kindChosen', kind: e.target.value === AUTO ? null : (e.target.value as ImportKind) })}
          sx={{ minWidth: 240 }}
          data-testid="import-kind"
        >
          <MenuItem value={AUTO} data-testid="import-kind-option-auto">
            {t('import.file.kindAuto')}
          </MenuItem>
          {IMPORT_KINDS.map((k) => (
            <MenuItem key={k} value={k} data-testid={`import-kind-option-${k}`}>
              {kindLabel(k, locale)}
            </MenuItem>
          ))}
        </TextField>
        {state.file !== null && (
          <Typography sx={{ color: 'text.secondary' }} data-testid="import-file-name">
            {state.file.name} · {formatSize(state.file.size, locale)}
          </Typography>
        )}
        {busy && <CircularProgress size={20} aria-label={t(fileStatus === 'uploading' ? 'import.file.uploading' : 'import.file.inspecting')} />}
      </Stack>
      {state.file === null && <Typography sx={{ color: 'text.secondary', maxWidth: '80ch' }}>{t('import.file.hint')}</Typography>}
      {fileError !== null &&
        (state.uploadId === null ? (
          <ErrorAlert title={t('import.file.failed')} error={fileError} />
        ) : (
          <ErrorAlert title={t('import.file.failed')} error={fileError} onRetry={retryInspect} />
        ))}
      {state.inspection !== null && (
        <Detected
          inspection={state.inspection}
          encodingOverride={state.options.encoding ?? null}
          sheet={state.options.sheet ?? null}
          kindChosen={state.chosenKind !== null}
          disabled={busy}
          onEncoding={(encoding) => dispatch({ type: 'optionsChosen', options: withOption(state.options, 'encoding', encoding) })}
          onSheet={(sheet) => dispatch({ type: 'optionsChosen', options: withOption(state.options, 'sheet', sheet) })}
        />
      )}
    </Stack>
  );
}

function Detected(props: {
  inspection: ImportInspection;
  encodingOverride: string | null;
  sheet: string | null;
  kindChosen: boolean;
  disabled: boolean;
  onEncoding: (encoding: string | null) => void;
  onSheet: (sheet: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { inspection: i } = props;
  const rows: Array<[string, ReactNode]> = [
    [t('import.detected.format'), i.format.toUpperCase()],
    [
      t('import.detected.encoding'),
      i.encoding === null ? (
        '—'
      ) : (
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
          <span data-testid="import-detected-encoding">{encodingName(i.encoding)}</span>
          <TextField
            select
            size="small"
            label={t('import.detected.encodingOverride')}
            value={props.encodingOverride ?? AUTO}
            disabled={props.disabled}
            onChange={(e) => props.onEncoding(e.target.value === AUTO ? null : e.target.value)}
            sx={{ minWidth: 200 }}
            data-testid="import-encoding"
          >
            <MenuItem value={AUTO} data-testid="import-encoding-option-auto">
              {t('import.detected.encodingAuto')}
            </MenuItem>
            {ENCODING_CHOICES.map((e) => (
              <MenuItem key={e} value={e} data-testid={`import-encoding-option-${e}`}>
                {encodingName(e)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      ),
    ],
  ];
  if (i.delimiter !== null) rows.push([t('import.detected.delimiter'), delimiterLabel(i.delimiter, t)]);
  if (i.sheets !== null && i.sheets.length > 1) {
    rows.push([
      t('import.detected.sheet'),
      <TextField
        key="sheet"
        select
        size="small"
        value={props.sheet ?? i.sheets[0] ?? ''}
        disabled={props.disabled}
        onChange={(e) => props.onSheet(e.target.value)}
        data-testid="import-sheet"
      >
        {i.sheets.map((s) => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>,
    ]);
  }
  rows.push([t('import.detected.headerRow'), t('import.detected.headerRowValue', { row: i.headerRecord, count: i.headers.length })]);
  rows.push([
    t('import.detected.kind'),
    i.kind === null ? t('import.detected.kindUnknown') : `${kindLabel(i.kind, locale)}${props.kindChosen ? '' : ` · ${t('import.detected.kindSuggested')}`}`,
  ]);

  return (
    <Box data-testid="import-detected" data-encoding={i.encoding ?? ''} data-header-record={i.headerRecord}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0, alignItems: 'center' }}>
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {label}
            </Box>
            <Box component="dd" sx={{ m: 0 }}>
              {value}
            </Box>
          </Box>
        ))}
      </Box>
      {i.preamble.length > 0 && (
        <Box sx={{ mt: 2 }} data-testid="import-preamble">
          <Typography variant="subtitle2">{t('import.detected.preamble', { count: i.preamble.length })}</Typography>
          <Box component="pre" sx={{ m: 0, mt: 0.5, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 13, whiteSpace: 'pre-wrap', overflowX: 'auto' }}>
            {i.preamble.join('\n')}
          </Box>
        </Box>
      )}
      {i.sameFile !== null && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="import-same-file">
          {t('import.sameFile', { id: i.sameFile.id, file: i.sameFile.fileName })}
        </Alert>
      )}
    </Box>
  );
}
