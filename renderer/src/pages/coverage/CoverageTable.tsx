import { Chip, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { CoverageTotals, OutletCoverage } from '../../../../shared/assignment/coverage.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { hrefFor } from '../../routing/routes.js';
import { findingKindKey, pctText, rowSeverity } from './coverage-view.js';

const NUM = { fontVariantNumeric: 'tabular-nums' } as const;

/** One row per outlet with the coverage figures; a row breaking the 专职 rule is tinted, each finding is a chip. */
export function CoverageTable(props: { outlets: readonly OutletCoverage[]; totals: CoverageTotals }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number): string => formatCount(v, locale);
  const { totals } = props;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="coverage-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('coverage.col.outlet')}</TableCell>
            <TableCell align="right">{t('coverage.col.clients')}</TableCell>
            <TableCell align="right">{t('coverage.col.vip')}</TableCell>
            <TableCell align="right">{t('coverage.col.fullTime')}</TableCell>
            <TableCell align="right">{t('coverage.col.share')}</TableCell>
            <TableCell align="right">{t('coverage.col.managers')}</TableCell>
            <TableCell align="right">{t('coverage.col.unassigned')}</TableCell>
            <TableCell align="right">{t('coverage.col.former')}</TableCell>
            <TableCell>{t('coverage.col.over')}</TableCell>
            <TableCell>{t('coverage.col.findings')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.outlets.map((o) => {
            const severity = rowSeverity(o);
            return (
              <TableRow
                key={o.orgUnitId}
                data-testid="coverage-row"
                data-unit-id={o.orgUnitId}
                data-vip={o.vipClients}
                data-full-time={o.vipFullTime}
                data-severity={severity ?? 'ok'}
                sx={severity === 'error' ? { bgcolor: (theme) => alpha(theme.palette.error.main, 0.06) } : undefined}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Link href={hrefFor('managers', o.orgUnitId)} underline="hover">
                    {o.name}
                  </Link>
                </TableCell>
                <TableCell align="right" sx={NUM}>{n(o.clients)}</TableCell>
                <TableCell align="right" sx={NUM}>{n(o.vipClients)}</TableCell>
                <TableCell align="right" sx={NUM} data-testid="coverage-full-time">{n(o.vipFullTime)}</TableCell>
                <TableCell align="right" sx={NUM} data-testid="coverage-share" data-bp={o.vipFullTimeBp ?? ''}>{pctText(o.vipFullTimeBp)}</TableCell>
                <TableCell align="right" sx={{ ...NUM, color: o.fullTimeManagers === 0 ? 'error.main' : undefined }}>
                  {o.fullTimeManagers} / {o.partTimeManagers}
                </TableCell>
                <TableCell align="right" sx={{ ...NUM, color: o.vipUnassigned > 0 ? 'warning.dark' : undefined }}>{n(o.vipUnassigned)}</TableCell>
                <TableCell align="right" sx={{ ...NUM, color: o.vipFormerManager > 0 ? 'warning.dark' : undefined }}>{n(o.vipFormerManager)}</TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                    {o.overCapacity.map((m) => (
                      <Tooltip key={m.managerId} title={t('coverage.overLoad', { clients: n(m.clients), maxClients: n(m.maxClients), vip: n(m.vipClients), maxVip: n(m.maxVipClients) })}>
                        <Chip size="small" variant="outlined" color="warning" label={m.name} data-testid="coverage-over" />
                      </Tooltip>
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                    {severity === null && <Chip size="small" color="success" variant="outlined" label={t('coverage.ok')} />}
                    {[...new Set(o.findings.map((f) => f.kind))].map((kind) => (
                      <Chip
                        key={kind}
                        size="small"
                        color={kind === 'needs_full_time' ? 'error' : 'warning'}
                        variant={kind === 'needs_full_time' ? 'filled' : 'outlined'}
                        label={t(findingKindKey(kind))}
                        data-testid="coverage-finding-chip"
                        data-kind={kind}
                      />
                    ))}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
          <TableRow data-testid="coverage-total" sx={{ '& td': { fontWeight: 600 } }}>
            <TableCell>{t('coverage.total.row')}</TableCell>
            <TableCell align="right" sx={NUM}>{n(totals.clients)}</TableCell>
            <TableCell align="right" sx={NUM}>{n(totals.vipClients)}</TableCell>
            <TableCell align="right" sx={NUM}>{n(totals.vipFullTime)}</TableCell>
            <TableCell align="right" sx={NUM}>{pctText(totals.vipFullTimeBp)}</TableCell>
            <TableCell align="right" sx={NUM}>
              {totals.fullTimeManagers} / {totals.partTimeManagers}
            </TableCell>
            <TableCell align="right" sx={NUM}>{n(totals.vipUnassigned)}</TableCell>
            <TableCell align="right" sx={NUM}>{n(totals.vipFormerManager)}</TableCell>
            <TableCell sx={NUM}>{totals.managersOverCapacity}</TableCell>
            <TableCell />
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}
