import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { cellKind, formatReportValue, isNumericKind, unitSuffix } from '../../../../shared/reports/format.js';
import type { ReportColumn, ReportRow, ReportValue } from '../../../../shared/reports/report.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';

function headerLabel(column: ReportColumn, rows: readonly ReportRow[], lang: 'zh' | 'en'): string {
  const mixed = rows.some((r) => r.kinds?.[column.key] !== undefined && r.kinds[column.key] !== column.kind);
  return `${column.label[lang]}${mixed ? '' : unitSuffix(column.kind, lang)}`;
}

function Cell(props: { column: ReportColumn; row: ReportRow | null; value: ReportValue | undefined }) {
  const kind = cellKind(props.column, props.row);
  const value = props.value ?? null;
  const numeric = isNumericKind(kind) && typeof value === 'number';
  return (
    <TableCell align={numeric ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatReportValue(kind, value)}
    </TableCell>
  );
}

/** One report table as on paper: 序号, the columns, the totals row in bold. */
export function ReportGrid(props: { columns: readonly ReportColumn[]; rows: readonly ReportRow[]; totals: Record<string, ReportValue> | null; testId: string }) {
  const t = useT();
  const lang = useLocale().locale === 'en' ? 'en' : 'zh';
  const { columns, rows, totals } = props;
  return (
    <TableContainer sx={{ maxHeight: 640, border: 1, borderColor: 'divider' }}>
      <Table size="small" stickyHeader data-testid={props.testId}>
        <TableHead>
          <TableRow>
            <TableCell>{t('reports.no')}</TableCell>
            {columns.map((c) => (
              <TableCell key={c.key} align={isNumericKind(c.kind) ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap', fontWeight: 700 }}>
                {headerLabel(c, rows, lang)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={r.key} hover data-testid={`${props.testId}-row`} data-key={r.key}>
              <TableCell>{i + 1}</TableCell>
              {columns.map((c) => (
                <Cell key={c.key} column={c} row={r} value={r.cells[c.key]} />
              ))}
            </TableRow>
          ))}
          {totals !== null && (
            <TableRow data-testid={`${props.testId}-totals`} sx={{ '& td': { fontWeight: 700, bgcolor: 'action.hover' } }}>
              <TableCell />
              {columns.map((c) => (
                <Cell key={c.key} column={c} row={null} value={totals[c.key]} />
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
