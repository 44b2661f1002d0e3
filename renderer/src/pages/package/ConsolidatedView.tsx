import { Alert, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import type { PageState } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The consolidated results of a period: the current packages, every manager ranked across them, and the results
 * per sending unit, outlet and in total. Figures are the server's exact decimal text, shown as they come.
 * `generation` changes when packages are imported, so the results are read again.
 */
export function ConsolidatedView(props: { period: string; generation: number; onState: (s: PageState) => void }) {
  const t = useT();
  const results = useApiQuery('consolidation.results', { period: props.period });
  const { onState, generation } = props;
  const { reload } = results;
  const seen = useRef(generation);
  useEffect(() => {
    if (seen.current === generation) return;
    seen.current = generation;
    reload();
  }, [generation, reload]);
  useEffect(() => onState(results.state), [onState, results.state]);
  if (results.state === 'error') return <ErrorAlert error={results.error} onRetry={results.reload} />;
  const r = results.latest;
  if (r === null) return null;
  return (
    <>
      <Typography variant="h3">{t('pkg.consolidate.packages')}</Typography>
      <TableContainer>
        <Table size="small" data-testid="pkg-packages">
          <TableHead>
            <TableRow>
              <TableCell>{t('pkg.col.unit')}</TableCell>
              <TableCell>{t('pkg.col.scheme')}</TableCell>
              <TableCell align="right">{t('pkg.col.managers')}</TableCell>
              <TableCell>{t('pkg.col.generated')}</TableCell>
              <TableCell>{t('pkg.col.signed')}</TableCell>
              <TableCell>{t('pkg.col.file')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {r.packages.map((p) => (
              <TableRow key={p.id} data-testid="pkg-package-row" data-unit={p.unitCode}>
                <TableCell>
                  {p.unitName}（{p.unitCode}）
                </TableCell>
                <TableCell>
                  {p.schemeName}（{p.schemeCode} v{p.schemeVersion}）
                </TableCell>
                <TableCell align="right">{p.managers}</TableCell>
                <TableCell>
                  {p.generatedAt.slice(0, 16).replace('T', ' ')} · {p.generatedBy}
                </TableCell>
                <TableCell>{t(p.signed ? 'pkg.verify.signature.valid' : 'pkg.verify.signature.absent')}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{p.fileName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {r.mixedSchemes && <Alert severity="warning">{t('pkg.consolidate.mixed')}</Alert>}
      <Typography variant="h3">{t('pkg.consolidate.ranking')}</Typography>
      <TableContainer sx={{ maxHeight: 420 }}>
        <Table size="small" stickyHeader data-testid="pkg-ranking">
          <TableHead>
            <TableRow>
              <TableCell align="right">{t('pkg.col.rank')}</TableCell>
              <TableCell>{t('pkg.col.staffNo')}</TableCell>
              <TableCell>{t('pkg.col.name')}</TableCell>
              <TableCell>{t('pkg.col.unit')}</TableCell>
              <TableCell>{t('pkg.col.outlet')}</TableCell>
              <TableCell align="right">{t('pkg.col.total')}</TableCell>
              <TableCell align="right">{t('pkg.col.sourceRank')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {r.managers.map((m) => (
              <TableRow key={`${m.packageId}:${m.staffNo}`} data-testid="pkg-rank-row" data-staff={m.staffNo} data-rank={m.rank ?? ''} data-total={m.total ?? ''}>
                <TableCell align="right" sx={num}>
                  {m.rank === null ? '—' : `${m.rank}/${m.of}`}
                </TableCell>
                <TableCell>{m.staffNo}</TableCell>
                <TableCell>{m.name}</TableCell>
                <TableCell>{m.unitName}</TableCell>
                <TableCell>{m.outletName}</TableCell>
                <TableCell align="right" sx={num}>
                  {m.total ?? '—'}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {m.sourceRank ?? '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="h3">{t('pkg.consolidate.institutions')}</Typography>
      <TableContainer>
        <Table size="small" data-testid="pkg-institutions">
          <TableHead>
            <TableRow>
              <TableCell>{t('pkg.col.code')}</TableCell>
              <TableCell>{t('pkg.col.institution')}</TableCell>
              <TableCell align="right">{t('pkg.col.managers')}</TableCell>
              <TableCell align="right">{t('pkg.col.scored')}</TableCell>
              <TableCell align="right">{t('pkg.col.totalPoints')}</TableCell>
              <TableCell align="right">{t('pkg.col.average')}</TableCell>
              <TableCell>{t('pkg.col.indicators')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {r.institutions.map((i) => (
              <TableRow key={`${i.kind}:${i.code}:${i.parentCode ?? ''}`} data-testid="pkg-institution-row" data-code={i.code} data-kind={i.kind} data-total={i.totalPoints}>
                <TableCell>{i.code}</TableCell>
                <TableCell sx={{ pl: i.kind === 'outlet' ? 4 : 2, fontWeight: i.kind === 'outlet' ? 400 : 600 }}>{i.kind === 'total' ? t('pkg.total') : i.name}</TableCell>
                <TableCell align="right" sx={num}>
                  {i.managers}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {i.scored}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {i.totalPoints}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {i.averagePoints ?? '—'}
                </TableCell>
                <TableCell sx={{ fontSize: 12 }}>{i.indicators.map((x) => `${x.name} ${x.actual} / ${x.target} ${x.unit}`).join('；')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
