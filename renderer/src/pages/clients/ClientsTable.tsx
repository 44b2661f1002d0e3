import { Checkbox, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { STAGE_LABELS } from '../../../../shared/book/labels.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import type { ClientRow } from '../../../../shared/model/client.js';
import { formatFen } from '../../../../shared/model/money.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { clientTierKey } from '../../i18n/labels.js';
import { hrefFor } from '../../routing/routes.js';
import { visibleWindow } from './virtual-window.js';
import type { Directory } from './useDirectory.js';

const DASH = '—';
/** Every body row has this height, so the rows in view follow from the scroll position alone. */
export const ROW_HEIGHT = 37;
const OVERSCAN = 10;
/** Ask for the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 60;

const TIER_COLORS = { standard: 'default', gold: 'warning', platinum: 'info', diamond: 'secondary', private: 'success' } as const;

/**
 * A virtualised client table: however many rows are loaded, only those in view (plus a margin) are in the DOM,
 * with spacer rows standing in for the rest. Scrolling near the end asks for the next page.
 */
export function ClientsTable(props: {
  rows: readonly ClientRow[];
  directory: Directory;
  hasMore: boolean;
  onNearEnd: () => void;
  resetKey: string;
  /** With a selection, rows get check boxes (for assigning many clients at once). */
  selection?: { selected: ReadonlySet<number>; toggle: (id: number) => void; setAll: (on: boolean) => void };
}) {
  const t = useT();
  const { locale } = useLocale();
  const { rows, directory, hasMore, onNearEnd, resetKey, selection } = props;
  const allSelected = selection !== undefined && rows.length > 0 && rows.every((r) => selection.selected.has(r.id));
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    el.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const win = visibleWindow(scrollTop, viewport, ROW_HEIGHT, rows.length, OVERSCAN);
  useEffect(() => {
    if (hasMore && win.end >= rows.length - PREFETCH_ROWS) onNearEnd();
  }, [hasMore, win.end, rows.length, onNearEnd]);

  return (
    <TableContainer
      component={Paper}
      variant="outlined"
      ref={scroller}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      sx={{ height: 'calc(100vh - 300px)', minHeight: 320 }}
      data-testid="clients-scroller"
    >
      <Table stickyHeader size="small" data-testid="clients-table" aria-label={t('nav.clients')} aria-rowcount={rows.length + 1}>
        <TableHead>
          <TableRow>
            {selection !== undefined && (
              <TableCell padding="checkbox">
                <Checkbox size="small" checked={allSelected} onChange={(e) => selection.setAll(e.target.checked)} slotProps={{ input: { 'aria-label': t('assign.selectAll'), 'data-testid': 'select-all' } as object }} />
              </TableCell>
            )}
            <TableCell>{t('clients.col.clientNo')}</TableCell>
            <TableCell>{t('clients.col.name')}</TableCell>
            <TableCell>{t('clients.col.idNo')}</TableCell>
            <TableCell>{t('clients.col.phone')}</TableCell>
            <TableCell>{t('clients.col.tier')}</TableCell>
            <TableCell>{t('clients.col.stage')}</TableCell>
            <TableCell align="right">{t('clients.col.contribution')}</TableCell>
            <TableCell align="right">{t('clients.col.loyalty')}</TableCell>
            <TableCell align="right">{t('clients.col.aum')}</TableCell>
            <TableCell>{t('clients.col.outlet')}</TableCell>
            <TableCell>{t('clients.col.manager')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {win.start > 0 && <TableRow aria-hidden sx={{ height: win.start * ROW_HEIGHT }} />}
          {rows.slice(win.start, win.end).map((row, i) => (
            <TableRow
              key={row.id}
              hover
              data-testid="client-row"
              data-client-no={row.clientNo}
              aria-rowindex={win.start + i + 2}
              onClick={() => {
                window.location.hash = hrefFor('clients', row.id);
              }}
              sx={{ height: ROW_HEIGHT, cursor: 'pointer', '& td': { whiteSpace: 'nowrap' } }}
            >
              {selection !== undefined && (
                <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                  <Checkbox size="small" checked={selection.selected.has(row.id)} onChange={() => selection.toggle(row.id)} slotProps={{ input: { 'data-testid': 'select-row' } as object }} />
                </TableCell>
              )}
              <TableCell sx={{ fontFamily: 'monospace' }}>
                <a href={hrefFor('clients', row.id)} onClick={(e) => e.stopPropagation()}>
                  {row.clientNo}
                </a>
              </TableCell>
              <TableCell>{row.name}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{row.idNoMasked ?? DASH}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{row.phoneMasked ?? DASH}</TableCell>
              <TableCell>{row.tier === null ? DASH : <Chip size="small" label={t(clientTierKey(row.tier))} color={TIER_COLORS[row.tier]} variant="outlined" />}</TableCell>
              <TableCell>{row.stage === null ? DASH : pickText(STAGE_LABELS[row.stage], locale)}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.contribution === null ? DASH : row.contribution.toFixed(1)}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.loyalty === null ? DASH : row.loyalty.toFixed(1)}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.aumFen === null ? DASH : formatFen(row.aumFen)}
              </TableCell>
              <TableCell>{directory.orgUnitName(row.orgUnitId) ?? DASH}</TableCell>
              <TableCell>{directory.managerName(row.managerId) ?? t('clients.unassigned')}</TableCell>
            </TableRow>
          ))}
          {win.end < rows.length && <TableRow aria-hidden sx={{ height: (rows.length - win.end) * ROW_HEIGHT }} />}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
