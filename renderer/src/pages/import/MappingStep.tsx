import { SaveProfile } from './SaveProfile.js';
import { Alert, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { fieldLabel, mappingRows, missingRequired } from './mapping.js';
import type { ImportWizard } from './useImportWizard.js';

const NONE = 'none';

/** Step 2: which column of the file feeds each field; optional fields may be left out. */
export function MappingStep(props: { wizard: ImportWizard; kind: ImportKind }) {
  const t = useT();
  const { locale } = useLocale();
  const { kind } = props;
  const { state, dispatch } = props.wizard;
  const headers = state.inspection?.headers ?? [];
  const missing = missingRequired(kind, state.mapping);
  const sep = locale === 'en' ? ', ' : '、';
  const headerName = (i: number): string => t('import.mapping.column', { n: i + 1, header: headers[i] ?? '' });

  return (
    <Stack sx={{ gap: 2 }}>
      <Typography sx={{ color: 'text.secondary', maxWidth: '80ch' }}>{t('import.mapping.hint')}</Typography>
      {state.inspection?.mappingSource === 'profile' && state.inspection.profileName !== null && (
        <Alert severity="info">{t('import.mapping.profile', { name: state.inspection.profileName })}</Alert>
      )}
      <Table size="small" sx={{ maxWidth: 820 }} data-testid="import-mapping">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 260 }}>{t('import.mapping.field')}</TableCell>
            <TableCell>{t('import.mapping.source')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {mappingRows(kind, state.mapping).map(({ field, column, sharedWith }) => (
            <TableRow key={field.key} data-testid="import-mapping-row" data-field={field.key} data-mapped={column !== null}>
              <TableCell>
                <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                  <span>{locale === 'en' ? field.en : field.zh}</span>
                  {field.required && <Chip size="small" color="primary" variant="outlined" label={t('import.mapping.required')} />}
                </Stack>
                {locale !== 'en' && <Typography variant="caption" sx={{ color: 'text.secondary' }}>{field.en}</Typography>}
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  fullWidth
                  value={column === null ? NONE : String(column)}
                  error={field.required && column === null}
                  helperText={
                    sharedWith.length > 0 ? t('import.mapping.shared', { fields: sharedWith.map((k) => fieldLabel(kind, k, locale)).join(sep) }) : undefined
                  }
                  onChange={(e) => dispatch({ type: 'fieldMapped', field: field.key, column: e.target.value === NONE ? null : Number(e.target.value) })}
                  slotProps={{ htmlInput: { 'aria-label': locale === 'en' ? field.en : field.zh } }}
                  data-testid={`import-map-${field.key}`}
                >
                  <MenuItem value={NONE} data-testid={`import-map-${field.key}-option-none`}>
                    <em>{t('import.mapping.none')}</em>
                  </MenuItem>
                  {headers.map((_h, i) => (
                    <MenuItem key={i} value={String(i)} data-testid={`import-map-${field.key}-option-${i}`}>
                      {headerName(i)}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {missing.length > 0 && (
        <Alert severity="error" data-testid="import-mapping-missing">
          {t('import.mapping.missing', { fields: missing.map((k) => fieldLabel(kind, k, locale)).join(sep) })}
        </Alert>
      )}
      <SaveProfile kind={kind} headers={headers} mapping={state.mapping} />
    </Stack>
  );
}
