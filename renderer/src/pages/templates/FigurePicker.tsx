import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ReportCatalogEntry } from '../../../../shared/reports/catalog.js';
import type { ReportId, ReportTable } from '../../../../shared/reports/report.js';
import { HEADER_FIELDS, HEADER_FIELD_LABELS, MONEY_UNITS, RATIO_UNITS } from '../../../../shared/reports/template.js';
import type { Figure, HeaderField, MoneyUnit, RatioUnit } from '../../../../shared/reports/template.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';

type Kind = Figure['kind'];
const KINDS: readonly Kind[] = ['cell', 'total', 'spill', 'header'];

export interface PickerRequest {
  period: string;
  orgUnitId?: number;
}

const select = (testId: string): object => ({ select: { SelectDisplayProps: { 'data-testid': testId } as object } });

/** A row as a person recognises it: its key and the first text cells (网点号 and 网点名称, 员工号 and 姓名). */
function rowLabel(table: ReportTable, key: string): string {
  const row = table.rows.find((r) => r.key === key);
  if (row === undefined) return key;
  const texts = table.columns.filter((c) => c.kind === 'text').map((c) => row.cells[c.key]).filter((v): v is string => typeof v === 'string' && v !== '' && v !== key);
  return [key, ...texts.slice(0, 2)].join(' · ');
}

/**
 * The picker for one cell: the kind of figure, then report → row (or the totals row) → column, or the columns to
 * spill downward, or a header field. Rows and columns come from the report for the period chosen on the page,
 * because a report's columns follow its data (one completion column per indicator, for example).
 */
export function FigurePicker(props: {
  sheet: string;
  cell: string;
  cellText: string;
  initial: Figure | null;
  catalog: readonly ReportCatalogEntry[];
  request: PickerRequest;
  lang: 'zh' | 'en';
  onApply: (f: Figure | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { initial, lang } = props;
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'cell');
  const [report, setReport] = useState<ReportId>(initial !== null && initial.kind !== 'header' ? initial.report : (props.catalog[0]?.id ?? 'managerRanking'));
  const [rowKey, setRowKey] = useState(initial?.kind === 'cell' ? initial.rowKey : '');
  const [column, setColumn] = useState(initial?.kind === 'cell' || initial?.kind === 'total' ? initial.column : '');
  const [columns, setColumns] = useState<string[]>(initial?.kind === 'spill' ? initial.columns : []);
  const [maxRows, setMaxRows] = useState(initial?.kind === 'spill' ? String(initial.maxRows) : '20');
  const [field, setField] = useState<HeaderField>(initial?.kind === 'header' ? initial.field : 'unitName');
  const [moneyUnit, setMoneyUnit] = useState<MoneyUnit>(initial !== null && initial.kind !== 'header' ? (initial.moneyUnit ?? 'yuan') : 'yuan');
  const [ratioUnit, setRatioUnit] = useState<RatioUnit>(initial !== null && initial.kind !== 'header' ? (initial.ratioUnit ?? 'fraction') : 'fraction');
  const table = useApiQuery('reports.view', { id: report, ...props.request });
  const ready = table.state === 'ready' ? table.value : null;

  const units = { ...(moneyUnit === 'wan' ? { moneyUnit } : {}), ...(ratioUnit === 'percent' ? { ratioUnit } : {}) };
  const rows = Number(maxRows);
  const figure: Figure | null =
    kind === 'header'
      ? { kind, field }
      : kind === 'cell'
        ? rowKey !== '' && column !== ''
          ? { kind, report, rowKey, column, ...units }
          : null
        : kind === 'total'
          ? column !== ''
            ? { kind, report, column, ...units }
            : null
          : columns.length > 0 && Number.isInteger(rows) && rows >= 1 && rows <= 10_000
            ? { kind, report, columns, maxRows: rows, ...units }
            : null;
  const columnChoices = ready?.columns ?? [];
  const rowChoices = ready === null ? [] : ready.rows.map((r) => r.key).concat(rowKey !== '' && !ready.rows.some((r) => r.key === rowKey) ? [rowKey] : []);

  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('templates.picker.title', { sheet: props.sheet, cell: props.cell })}</DialogTitle>
      <DialogContent data-testid="templates-picker" data-state={kind === 'header' ? 'ready' : table.state}>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {props.cellText !== '' && <Typography variant="body2" sx={{ color: 'text.secondary' }}>{t('templates.picker.current', { text: props.cellText })}</Typography>}
          <RadioGroup row value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label={t('templates.kind')}>
            {KINDS.map((k) => (
              <FormControlLabel key={k} value={k} control={<Radio slotProps={{ input: { 'data-testid': `templates-kind-${k}` } as object }} />} label={t(`templates.kind.${k}`)} />
            ))}
          </RadioGroup>
          {kind === 'header' ? (
            <TextField select size="small" label={t('templates.field')} value={field} onChange={(e) => setField(e.target.value as HeaderField)} slotProps={select('templates-picker-field')}>
              {HEADER_FIELDS.map((f) => (
                <MenuItem key={f} value={f} data-testid={`templates-picker-field-${f}`}>
                  {HEADER_FIELD_LABELS[f][lang]}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <>
              <TextField select size="small" label={t('templates.report')} value={report} onChange={(e) => setReport(e.target.value as ReportId)} slotProps={select('templates-picker-report')}>
                {props.catalog.map((e) => (
                  <MenuItem key={e.id} value={e.id} data-testid={`templates-picker-report-${e.id}`}>
                    {e.title[lang]}
                  </MenuItem>
                ))}
              </TextField>
              {table.state === 'error' && <ErrorAlert error={table.error} onRetry={table.reload} />}
              {ready !== null && <Typography variant="body2" sx={{ color: 'text.secondary' }}>{t('templates.picker.preview', { period: props.request.period, rows: ready.rows.length })}</Typography>}
              {kind === 'cell' && (
                <TextField select size="small" label={t('templates.row')} value={rowKey} onChange={(e) => setRowKey(e.target.value)} slotProps={select('templates-picker-row')}>
                  {rowChoices.map((k) => (
                    <MenuItem key={k} value={k} data-testid={`templates-picker-row-${k}`}>
                      {ready === null ? k : rowLabel(ready, k)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {kind === 'total' && ready !== null && ready.totals === null && <Typography variant="body2" color="warning.main">{t('templates.picker.noTotals')}</Typography>}
              {(kind === 'cell' || kind === 'total') && (
                <TextField select size="small" label={t('templates.column')} value={column} onChange={(e) => setColumn(e.target.value)} slotProps={select('templates-picker-column')}>
                  {columnChoices.concat(column !== '' && !columnChoices.some((c) => c.key === column) ? [{ key: column, label: { zh: column, en: column }, kind: 'text' }] : []).map((c) => (
                    <MenuItem key={c.key} value={c.key} data-testid={`templates-picker-column-${c.key}`}>
                      {c.label[lang]} ({c.key})
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {kind === 'spill' && (
                <>
                  <Typography variant="body2">{t('templates.columns')}</Typography>
                  <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1 }}>
                    {columnChoices.map((c) => {
                      const at = columns.indexOf(c.key);
                      return (
                        <FormControlLabel
                          key={c.key}
                          control={
                            <Checkbox
                              size="small"
                              checked={at >= 0}
                              onChange={(e) => setColumns(e.target.checked ? [...columns, c.key] : columns.filter((k) => k !== c.key))}
                              slotProps={{ input: { 'data-testid': `templates-picker-spill-${c.key}` } as object }}
                            />
                          }
                          label={`${at >= 0 ? `${at + 1}. ` : ''}${c.label[lang]}`}
                        />
                      );
                    })}
                  </Stack>
                  <TextField size="small" type="number" label={t('templates.maxRows')} value={maxRows} onChange={(e) => setMaxRows(e.target.value)} slotProps={{ htmlInput: { min: 1, max: 10_000, 'data-testid': 'templates-picker-max-rows' } }} sx={{ width: 180 }} />
                </>
              )}
              <Stack direction="row" sx={{ gap: 1.5 }}>
                <TextField select size="small" label={t('templates.moneyUnit')} value={moneyUnit} onChange={(e) => setMoneyUnit(e.target.value as MoneyUnit)} sx={{ width: 150 }} slotProps={select('templates-picker-money')}>
                  {MONEY_UNITS.map((u) => (
                    <MenuItem key={u} value={u} data-testid={`templates-picker-money-${u}`}>
                      {t(`templates.moneyUnit.${u}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField select size="small" label={t('templates.ratioUnit')} value={ratioUnit} onChange={(e) => setRatioUnit(e.target.value as RatioUnit)} sx={{ flex: 1 }} slotProps={select('templates-picker-ratio')}>
                  {RATIO_UNITS.map((u) => (
                    <MenuItem key={u} value={u} data-testid={`templates-picker-ratio-${u}`}>
                      {t(`templates.ratioUnit.${u}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {initial !== null && (
          <Button color="error" onClick={() => props.onApply(null)} data-testid="templates-picker-clear" sx={{ mr: 'auto' }}>
            {t('templates.picker.clear')}
          </Button>
        )}
        <Button onClick={props.onClose}>{t('templates.picker.cancel')}</Button>
        <Button variant="contained" disabled={figure === null} onClick={() => figure !== null && props.onApply(figure)} data-testid="templates-picker-ok">
          {t('templates.picker.ok')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
