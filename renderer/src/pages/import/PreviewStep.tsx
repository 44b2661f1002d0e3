import { Box, List, ListItem, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { OpInput } from '../../../../shared/api/index.js';
import type { ImportPreview, PreviewRow } from '../../../../shared/api/ops/import.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { errorsByColumn, previewErrorLines } from './errors.js';
import { skippedKey } from './labels.js';
import { fieldsByColumn } from './mapping.js';

/** Step 3: the first rows as the import will read them, each error in its cell. */
export function PreviewStep(props: { input: OpInput<'import.preview'>; kind: ImportKind }) {
  const t = useT();
  const preview = useApiQuery('import.preview', props.input);
  return (
    <Box data-testid="import-step-preview-body" data-state={preview.state}>
      {preview.state === 'loading' && <Typography sx={{ color: 'text.secondary' }}>{t('import.preview.loading')}</Typography>}
      {preview.state === 'error' && <ErrorAlert title={t('import.preview.failed')} error={preview.error} onRetry={preview.reload} />}
      {preview.state === 'ready' && <PreviewBody preview={preview.value} kind={props.kind} mapping={props.input.mapping} />}
    </Box>
  );
}

function PreviewBody(props: { preview: ImportPreview; kind: ImportKind; mapping: Record<string, number> }) {
  const t = useT();
  const { locale } = useLocale();
  const { preview } = props;
  const fields = fieldsByColumn(props.kind, props.mapping);
  const lines = previewErrorLines(preview);
  const badRows = preview.rows.filter((r) => r.errors.length > 0).length;
  return (
    <Stack sx={{ gap: 2 }}>
      <Typography data-testid="import-preview-summary">
        {t('import.preview.summary', { rows: preview.rows.length, bad: badRows })}
      </Typography>
      <TableContainer sx={{ maxHeight: 420, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader data-testid="import-preview">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 64 }}>{t('import.preview.record')}</TableCell>
              {preview.headers.map((h, i) => {
                const mapped = fields.get(i);
                return (
                  <TableCell key={i} sx={{ whiteSpace: 'nowrap', color: mapped === undefined ? 'text.disabled' : undefined }}>
                    <div>{h}</div>
                    <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                      {mapped === undefined ? t('import.mapping.none') : `→ ${mapped.map((f) => (locale === 'en' ? f.en : f.zh)).join(' / ')}`}
                    </Typography>
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.rows.map((row) => (
              <PreviewTableRow key={row.record} row={row} columns={preview.headers.length} mapped={fields} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {lines.length > 0 && (
        <Box data-testid="import-preview-errors">
          <Typography variant="subtitle2">{t('import.preview.errorsTitle', { count: lines.length })}</Typography>
          <List dense disablePadding>
            {lines.map((l, i) => (
              <ListItem key={i} disableGutters sx={{ color: 'error.main' }} data-testid="import-preview-error" data-record={l.record}>
                {t('import.errorLine', { record: l.record, column: l.column, reason: pickText(l.reason, locale) })}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      {preview.skipped.length > 0 && (
        <Box data-testid="import-preview-skipped">
          <Typography variant="subtitle2">{t('import.preview.skippedTitle', { count: preview.skipped.length })}</Typography>
          <List dense disablePadding>
            {preview.skipped.map((s) => (
              <ListItem key={s.record} disableGutters sx={{ color: 'text.secondary' }} data-testid="import-skipped-row" data-reason={s.reason}>
                {t('import.skippedLine', { record: s.record, reason: t(skippedKey(s.reason)), text: s.text })}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}

function PreviewTableRow(props: { row: PreviewRow; columns: number; mapped: ReadonlyMap<number, unknown> }) {
  const { locale } = useLocale();
  const { row } = props;
  const errors = errorsByColumn(row);
  const rowLevel = errors.get(null) ?? [];
  const hasError = row.errors.length > 0;
  return (
    <TableRow data-testid="preview-row" data-record={row.record} data-has-error={hasError} sx={hasError ? { '& > td:first-of-type': { borderLeft: 3, borderLeftColor: 'error.main' } } : undefined}>
      <TableCell sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
        {rowLevel.length > 0 ? (
          <Tooltip title={rowLevel.map((r) => pickText(r, locale)).join('；')}>
            <Box component="span" sx={{ color: 'error.main', fontWeight: 600 }}>
              {row.record}
            </Box>
          </Tooltip>
        ) : (
          row.record
        )}
      </TableCell>
      {Array.from({ length: props.columns }, (_, i) => {
        const reasons = errors.get(i);
        const text = row.cells[i] ?? '';
        const dim = !props.mapped.has(i);
        if (reasons === undefined) {
          return (
            <TableCell key={i} sx={{ whiteSpace: 'nowrap', color: dim ? 'text.disabled' : undefined }}>
              {text}
            </TableCell>
          );
        }
        return (
          <Tooltip key={i} title={reasons.map((r) => pickText(r, locale)).join('；')}>
            <TableCell
              sx={{ whiteSpace: 'nowrap', bgcolor: 'error.light', color: 'error.contrastText', fontWeight: 600 }}
              data-testid="preview-cell-error"
              data-column={i}
            >
              {text === '' ? '∅' : text}
            </TableCell>
          </Tooltip>
        );
      })}
    </TableRow>
  );
}
