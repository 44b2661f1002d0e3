import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { Ref } from 'react';
import type { ClientRow } from '../../../../shared/model/client.js';
import { formatFen } from '../../../../shared/model/money.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { Directory } from './useDirectory.js';

const DASH = '—';

/** The table scrolls inside the page so the search box and pager stay in view. */
export function ClientsTable(props: { rows: readonly ClientRow[]; directory: Directory; ref?: Ref<HTMLDivElement> }) {
  const t = useT();
  const { rows, directory, ref } = props;
  return (
    <TableContainer component={Paper} variant="outlined" ref={ref} sx={{ maxHeight: 'calc(100vh - 220px)' }}>
      <Table stickyHeader size="small" data-testid="clients-table" aria-label={t('nav.clients')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('clients.col.clientNo')}</TableCell>
            <TableCell>{t('clients.col.name')}</TableCell>
            <TableCell>{t('clients.col.idNo')}</TableCell>
            <TableCell>{t('clients.col.phone')}</TableCell>
            <TableCell align="right">{t('clients.col.aum')}</TableCell>
            <TableCell>{t('clients.col.outlet')}</TableCell>
            <TableCell>{t('clients.col.manager')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} hover data-testid="client-row" data-client-no={row.clientNo}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{row.clientNo}</TableCell>
              <TableCell>{row.name}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{row.idNoMasked ?? DASH}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{row.phoneMasked ?? DASH}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.aumFen === null ? DASH : formatFen(row.aumFen)}
              </TableCell>
              <TableCell>{directory.orgUnitName(row.orgUnitId) ?? DASH}</TableCell>
              <TableCell>{directory.managerName(row.managerId) ?? DASH}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
