import { Alert, Button, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { IndicatorView, PlanSummary } from '../../../../shared/targets/decomposition.js';
import { formatFigure } from '../../../../shared/targets/figures.js';
import { useT } from '../../i18n/I18nProvider.js';

const when = (iso: string | null): string => (iso === null ? '—' : iso.slice(0, 16).replace('T', ' '));

/** 版本记录: every plan of the indicator and year, head office's and the decompositions', newest version first. */
export function VersionHistory(props: { plans: readonly PlanSummary[]; shownId: number | null; indicator: IndicatorView; onView: (p: PlanSummary) => void }) {
  const t = useT();
  const { indicator } = props;
  return (
    <>
      <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600, mt: 1 }}>
        {t('targets.versions')}
      </Typography>
      {props.plans.length === 0 ? (
        <Alert severity="info">{t('targets.versions.empty')}</Alert>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" data-testid="targets-versions">
            <TableHead>
              <TableRow>
                <TableCell>{t('targets.versions.version')}</TableCell>
                <TableCell>{t('targets.versions.origin')}</TableCell>
                <TableCell>{t('targets.versions.status')}</TableCell>
                <TableCell>{t('targets.versions.unit')}</TableCell>
                <TableCell align="right">{t('targets.versions.total')}</TableCell>
                <TableCell>{t('targets.versions.by')}</TableCell>
                <TableCell>{t('targets.versions.at')}</TableCell>
                <TableCell>{t('targets.versions.publishedAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {props.plans.map((p) => (
                <TableRow key={p.id} selected={p.id === props.shownId} data-testid="targets-version-row" data-plan-id={p.id} data-version={p.version} data-status={p.status} data-origin={p.origin}>
                  <TableCell>v{p.version}</TableCell>
                  <TableCell>{t(`targets.origin.${p.origin}`)}</TableCell>
                  <TableCell>
                    <Chip size="small" variant={p.status === 'published' ? 'filled' : 'outlined'} color={p.status === 'published' ? 'success' : p.status === 'draft' ? 'info' : 'default'} label={t(`targets.plan.status.${p.status}`)} />
                  </TableCell>
                  <TableCell>{p.orgUnitName ?? '—'}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {p.total === null ? '—' : `${formatFigure(p.total, indicator.measure, indicator.unit)} ${indicator.unit}`}
                  </TableCell>
                  <TableCell>{p.createdBy}</TableCell>
                  <TableCell>{when(p.createdAt)}</TableCell>
                  <TableCell>{when(p.publishedAt)}</TableCell>
                  <TableCell padding="none" sx={{ pr: 1 }}>
                    {p.origin === 'decomposition' && p.id !== props.shownId && (
                      <Button size="small" onClick={() => props.onView(p)} data-testid="targets-version-view">
                        {t('targets.versions.view')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
