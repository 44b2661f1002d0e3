import { Button, Link, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import type { AssignmentMove } from '../../../../shared/assignment/rules.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { hrefFor } from '../../routing/routes.js';
import { involvedManagerIds, movesOf, pageOf } from './preview-view.js';
import type { ManagerRow } from './preview-view.js';

const PAGE_SIZE = 50;
const ALL = 0;

/**
 * 调整明细: who moves from whom to whom, a page at a time (a branch-wide run moves tens of thousands). The API gives
 * client ids only; each links to the client's page rather than fetching every name.
 */
export function MovesTable(props: { moves: readonly AssignmentMove[]; managers: readonly ManagerRow[] }) {
  const t = useT();
  const { locale } = useLocale();
  const [managerId, setManagerId] = useState(ALL);
  const [page, setPage] = useState(0);
  const names = new Map(props.managers.map((m) => [m.managerId, m.staffNo === null ? m.name : `${m.name}（${m.staffNo}）`]));
  const nameOf = (id: number | null): string => (id === null ? t('rules.moves.nobody') : (names.get(id) ?? `#${id}`));
  const filtered = useMemo(() => movesOf(props.moves, managerId === ALL ? null : managerId), [props.moves, managerId]);
  const shown = pageOf(filtered, page, PAGE_SIZE);
  const involvedIds = useMemo(() => involvedManagerIds(props.moves), [props.moves]);
  const involved = props.managers.filter((m) => involvedIds.has(m.managerId));
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {t('rules.moves.title', { count: formatCount(props.moves.length, locale) })}
        </Typography>
        <TextField
          select
          size="small"
          label={t('rules.moves.filter')}
          value={managerId}
          onChange={(e) => {
            setManagerId(Number(e.target.value));
            setPage(0);
          }}
          sx={{ width: 240 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'rules-moves-filter' } as object } }}
        >
          <MenuItem value={ALL}>{t('rules.moves.all')}</MenuItem>
          {involved.map((m) => (
            <MenuItem key={m.managerId} value={m.managerId}>
              {nameOf(m.managerId)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="rules-moves" data-count={filtered.length}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rules.moves.client')}</TableCell>
              <TableCell>{t('rules.moves.from')}</TableCell>
              <TableCell>{t('rules.moves.to')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.rows.map((m) => (
              <TableRow key={m.clientId} data-testid="rules-move" data-client-id={m.clientId} data-from={m.fromManagerId ?? ''} data-to={m.toManagerId}>
                <TableCell>
                  <Link href={hrefFor('clients', m.clientId)}>#{m.clientId}</Link>
                </TableCell>
                <TableCell sx={{ color: m.fromManagerId === null ? 'text.secondary' : undefined }}>{nameOf(m.fromManagerId)}</TableCell>
                <TableCell>{nameOf(m.toManagerId)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {shown.pages > 1 && (
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'flex-end', gap: 1 }}>
          <Button size="small" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)} data-testid="rules-moves-prev">
            {t('rules.moves.prev')}
          </Button>
          <Typography variant="body2" data-testid="rules-moves-page">
            {t('rules.moves.page', { page: shown.page + 1, pages: shown.pages })}
          </Typography>
          <Button size="small" disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.page + 1)} data-testid="rules-moves-next">
            {t('rules.moves.next')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
