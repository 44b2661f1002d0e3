import { Chip, FormControlLabel, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useState } from 'react';
import { formatFen, formatWan } from '../../../../shared/model/money.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { managerStatusKey, managerTypeKey } from '../../i18n/labels.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatCount } from '../../i18n/messages.js';
import { isChanged, managerFlags, previewTotals } from './preview-view.js';
import type { ManagerFlag, ManagerRow } from './preview-view.js';

const flagKey = (f: ManagerFlag): MessageKey => `rules.flag.${f}`;

/** 兼职 and any status but 在岗 are worth a word beside the name: they explain who may receive what. */
function managerNotes(m: ManagerRow): MessageKey[] {
  const notes: MessageKey[] = [];
  if (m.type === 'part_time') notes.push(managerTypeKey(m.type));
  if (m.status !== null && m.status !== 'active') notes.push(managerStatusKey(m.status));
  return notes;
}
const FLAG_COLOR: Record<ManagerFlag, 'error' | 'warning' | 'default'> = { over_capacity: 'error', outside_tolerance: 'warning', not_receiving: 'default' };

/** "before → after", bold when it changes, so the eye finds the managers the plan touches. */
function BeforeAfter(props: { before: string; after: string; title?: string }) {
  const t = useT();
  const changed = props.before !== props.after;
  return (
    <Typography component="span" variant="body2" title={props.title} sx={{ fontWeight: changed ? 600 : 400, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {t('rules.beforeAfter', { before: props.before, after: props.after })}
    </Typography>
  );
}

/** 各客户经理调整前后: clients, AUM (万元; the exact amount in 元 on hover) and VIP clients, with capacity and flags. */
export function ManagerPreviewTable(props: { rows: readonly ManagerRow[] }) {
  const t = useT();
  const { locale } = useLocale();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const n = (v: number): string => formatCount(v, locale);
  const exact = (before: number | bigint, after: number | bigint): string => `${formatFen(before, { withUnit: true })} → ${formatFen(after, { withUnit: true })}`;
  const shown = onlyChanged ? props.rows.filter(isChanged) : props.rows;
  // The totals cover every manager of the preview, whichever rows are shown.
  const total = previewTotals(props.rows);
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {t('rules.managers.title')}
        </Typography>
        <FormControlLabel control={<Switch size="small" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />} label={t('rules.managers.onlyChanged')} />
      </Stack>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="rules-managers" aria-label={t('rules.managers.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rules.col.manager')}</TableCell>
              <TableCell>{t('rules.col.outlet')}</TableCell>
              <TableCell align="right">{t('rules.col.clients')}</TableCell>
              <TableCell align="right">{t('rules.col.aum')}</TableCell>
              <TableCell align="right">{t('rules.col.vip')}</TableCell>
              <TableCell align="right">{t('rules.col.capacity')}</TableCell>
              <TableCell>{t('rules.col.flags')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((m) => {
              const flags = managerFlags(m);
              return (
                <TableRow
                  key={m.managerId}
                  data-testid="rules-manager-row"
                  data-manager-id={m.managerId}
                  data-flags={flags.join(' ')}
                  sx={{ bgcolor: (theme) => (m.overCapacity ? alpha(theme.palette.error.main, 0.08) : flags.includes('outside_tolerance') ? alpha(theme.palette.warning.main, 0.08) : undefined) }}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {m.name}
                    {m.staffNo === null ? '' : `（${m.staffNo}）`}
                    <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
                      {managerNotes(m).map((k) => ` · ${t(k)}`)}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{m.outletName}</TableCell>
                  <TableCell align="right" data-testid="rules-manager-clients">
                    <BeforeAfter before={n(m.clientsBefore)} after={n(m.clientsAfter)} />
                  </TableCell>
                  <TableCell align="right" data-testid="rules-manager-aum">
                    <BeforeAfter before={formatWan(m.aumFenBefore)} after={formatWan(m.aumFenAfter)} title={exact(m.aumFenBefore, m.aumFenAfter)} />
                  </TableCell>
                  <TableCell align="right" data-testid="rules-manager-vip">
                    <BeforeAfter before={n(m.vipBefore)} after={n(m.vipAfter)} />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap', color: m.overCapacity ? 'error.main' : undefined }}>
                    {n(m.capacity.maxClients)} / {n(m.capacity.maxVipClients)}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                      {flags.length === 0 ? (
                        <Chip size="small" color="success" variant="outlined" label={t('rules.flag.ok')} />
                      ) : (
                        flags.map((f) => <Chip key={f} size="small" color={FLAG_COLOR[f]} variant={f === 'not_receiving' ? 'outlined' : 'filled'} label={t(flagKey(f))} />)
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
            <TableRow data-testid="rules-managers-total" sx={{ '& td': { fontWeight: 600, borderBottom: 0 } }}>
              <TableCell colSpan={2}>{t('rules.managers.total', { count: n(total.managers) })}</TableCell>
              <TableCell align="right" data-testid="rules-total-clients">
                <BeforeAfter before={n(total.clientsBefore)} after={n(total.clientsAfter)} />
              </TableCell>
              <TableCell align="right" data-testid="rules-total-aum">
                <BeforeAfter before={formatWan(total.aumFenBefore)} after={formatWan(total.aumFenAfter)} title={exact(total.aumFenBefore, total.aumFenAfter)} />
              </TableCell>
              <TableCell align="right" data-testid="rules-total-vip">
                <BeforeAfter before={n(total.vipBefore)} after={n(total.vipAfter)} />
              </TableCell>
              <TableCell colSpan={2} />
            </TableRow>
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
