import { Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useState } from 'react';
import type { HandoverPlan } from '../../../../shared/assignment/handover.js';
import { formatFen } from '../../../../shared/model/money.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { clientTierKey } from '../../i18n/labels.js';
import { formatCount } from '../../i18n/messages.js';
import { contactDate, filterClients, pageSlice, planNames } from './handover-view.js';
import type { ClientFilter } from './handover-view.js';

const sameFilter = (a: ClientFilter, b: ClientFilter): boolean =>
  a.kind === b.kind && (a.kind !== 'receiver' || (b.kind === 'receiver' && a.managerId === b.managerId));

/**
 * 客户清单: every client of the plan with the receiver it goes to, 50 a page; unplaced clients first and marked, and
 * a chip per receiver to read one receiver's share of the book.
 */
export function PlanClientsTable(props: { plan: HandoverPlan }) {
  const t = useT();
  const { locale } = useLocale();
  const { plan } = props;
  const [filter, setFilter] = useState<ClientFilter>({ kind: 'all' });
  const [page, setPage] = useState(0);
  const n = (v: number): string => formatCount(v, locale);
  const names = planNames(plan);
  const rows = filterClients(plan.clients, filter);
  const slice = pageSlice(rows, page);
  const choose = (f: ClientFilter): void => {
    setFilter(f);
    setPage(0);
  };
  const chips: Array<{ f: ClientFilter; label: string; testId: string; warn?: boolean }> = [
    { f: { kind: 'all' }, label: t('handover.clients.all', { count: n(plan.clients.length) }), testId: 'handover-clients-all' },
    ...(plan.totals.unplaced > 0 ? [{ f: { kind: 'unplaced' } as const, label: t('handover.clients.unplaced', { count: n(plan.totals.unplaced) }), testId: 'handover-clients-unplaced', warn: true }] : []),
    ...plan.receivers.map((r) => ({ f: { kind: 'receiver', managerId: r.managerId } as const, label: `${r.name} ${n(r.clientsReceived)}`, testId: `handover-clients-of-${r.code}` })),
  ];
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ mr: 1 }}>
          {t('handover.clients.title')}
        </Typography>
        {chips.map((c) => (
          <Chip
            key={c.testId}
            size="small"
            label={c.label}
            clickable
            color={c.warn === true ? 'warning' : 'primary'}
            variant={sameFilter(c.f, filter) ? 'filled' : 'outlined'}
            onClick={() => choose(c.f)}
            data-testid={c.testId}
          />
        ))}
      </Stack>
      {/* A page scrolls inside its own frame, so the steps' buttons below stay within reach. */}
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 480 }}>
        <Table size="small" stickyHeader data-testid="handover-clients" data-rows={rows.length} aria-label={t('handover.clients.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('handover.col.clientNo')}</TableCell>
              <TableCell>{t('handover.col.clientName')}</TableCell>
              <TableCell>{t('handover.col.tier')}</TableCell>
              <TableCell align="right">{t('handover.col.aum')}</TableCell>
              <TableCell>{t('handover.col.lastContact')}</TableCell>
              <TableCell>{t('handover.col.to')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {slice.rows.map((c) => {
              const unplaced = c.toManagerId === null;
              return (
                <TableRow
                  key={c.clientId}
                  data-testid="handover-client-row"
                  data-client-no={c.clientNo}
                  data-unplaced={unplaced}
                  sx={{ bgcolor: (theme) => (unplaced ? alpha(theme.palette.warning.main, 0.12) : undefined) }}
                >
                  <TableCell sx={{ fontFamily: 'monospace' }}>{c.clientNo}</TableCell>
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{t(clientTierKey(c.tier))}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatFen(c.aumFen)}
                  </TableCell>
                  <TableCell>{contactDate(c.lastContactAt)}</TableCell>
                  <TableCell sx={{ color: unplaced ? 'warning.dark' : undefined, fontWeight: unplaced ? 600 : undefined }}>
                    {c.toManagerId === null ? t('handover.unplacedTo') : (names.get(c.toManagerId) ?? `#${c.toManagerId}`)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'flex-end', gap: 1 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="handover-clients-page">
          {t('handover.page', { page: slice.page + 1, pages: slice.pages, count: n(rows.length) })}
        </Typography>
        <Button size="small" disabled={slice.page === 0} onClick={() => setPage(slice.page - 1)} data-testid="handover-clients-prev">
          {t('handover.page.prev')}
        </Button>
        <Button size="small" disabled={slice.page >= slice.pages - 1} onClick={() => setPage(slice.page + 1)} data-testid="handover-clients-next">
          {t('handover.page.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
