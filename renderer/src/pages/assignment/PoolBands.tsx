import { Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { PoolPreview } from '../../../../shared/assignment/rules.js';
import { formatWan } from '../../../../shared/model/money.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';

/** 均衡池与容差范围: per pool (an outlet, or the whole scope), the range each receiving manager should end in. */
export function PoolBands(props: { pools: readonly PoolPreview[]; units: readonly OrgUnit[] }) {
  const t = useT();
  const { locale } = useLocale();
  const names = new Map(props.units.map((u) => [u.id, u.name]));
  const n = (v: number): string => formatCount(v, locale);
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="subtitle1" component="h3">
        {t('rules.pools.title')}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="rules-pools">
          <TableHead>
            <TableRow>
              <TableCell>{t('rules.pools.pool')}</TableCell>
              <TableCell align="right">{t('rules.pools.managers')}</TableCell>
              <TableCell align="right">{t('rules.col.clients')}</TableCell>
              <TableCell align="right">{t('rules.pools.clientsBand')}</TableCell>
              <TableCell align="right">{t('rules.col.aum')}</TableCell>
              <TableCell align="right">{t('rules.pools.aumBand')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.pools.map((p) => (
              <TableRow key={p.poolId ?? 'all'} data-testid="rules-pool" data-pool-id={p.poolId ?? ''}>
                <TableCell>{p.poolId === null ? t('rules.pools.all') : (names.get(p.poolId) ?? `#${p.poolId}`)}</TableCell>
                <TableCell align="right">{n(p.managers)}</TableCell>
                <TableCell align="right">{n(p.clients)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {t('rules.range', { min: n(p.clientsMin), max: n(p.clientsMax) })}
                </TableCell>
                <TableCell align="right">{formatWan(p.aumFen)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {t('rules.range', { min: formatWan(p.aumFenMin), max: formatWan(p.aumFenMax) })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
