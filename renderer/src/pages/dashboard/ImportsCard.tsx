import { Alert, AlertTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ImportStatus, Staleness } from '../../../../shared/dashboard/types.js';
import { KIND_LABELS } from '../../../../shared/import/kinds.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { DashCard } from './DashCard.js';

function useKindName(): (kind: ImportKind) => string {
  const { locale } = useLocale();
  return (kind) => (locale === 'en' ? KIND_LABELS[kind].en : KIND_LABELS[kind].zh);
}

/** A stored UTC instant as local date and time, minutes only. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** 数据时效: the warning at the top of the dashboard, naming each stale kind and how far its data reaches. */
export function StaleBanner(props: { staleness: Staleness }) {
  const t = useT();
  const kindName = useKindName();
  const s = props.staleness;
  if (!s.stale) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="dash-stale" data-stale="false" data-required={s.requiredAsOf}>
        {t('dash.fresh', { required: s.requiredAsOf, grace: s.graceDays })}
      </Typography>
    );
  }
  return (
    <Alert severity="warning" data-testid="dash-stale" data-stale="true" data-required={s.requiredAsOf} data-kinds={s.staleKinds.map((k) => k.kind).join(',')}>
      <AlertTitle>{t('dash.stale.title')}</AlertTitle>
      {t('dash.stale.body', { today: s.today, grace: s.graceDays, required: s.requiredAsOf })}{' '}
      <strong>
        {s.staleKinds
          .map((k) => (k.dataAsOf === null ? t('dash.stale.never', { kind: kindName(k.kind) }) : t('dash.stale.kind', { kind: kindName(k.kind), asOf: k.dataAsOf })))
          .join('、')}
      </strong>
    </Alert>
  );
}

/** 最近导入: each kind's latest committed batch, when it ran and which date its data is for. */
export function ImportsCard(props: { imports: readonly ImportStatus[]; staleness: Staleness }) {
  const t = useT();
  const kindName = useKindName();
  const stale = new Set(props.staleness.staleKinds.map((k) => k.kind));
  const checked = new Set(props.staleness.kinds);
  return (
    <DashCard
      id="imports"
      title={t('dash.imports.title')}
      showTable
      onToggle={() => undefined}
      chart={null}
      table={
        <Table size="small" data-testid="dash-imports-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('dash.imports.col.kind')}</TableCell>
              <TableCell>{t('dash.imports.col.time')}</TableCell>
              <TableCell>{t('dash.imports.col.dataAsOf')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.imports.map((i) => (
              <TableRow key={i.kind} data-testid="dash-import-row" data-kind={i.kind} data-batch-id={i.batchId ?? ''} data-as-of={i.dataAsOf ?? ''} data-stale={stale.has(i.kind) ? 'true' : 'false'}>
                <TableCell>
                  {kindName(i.kind)}
                  {checked.has(i.kind) && (
                    <Typography component="span" sx={{ color: 'text.secondary', ml: 0.25 }} aria-label={t('dash.imports.checked')}>
                      *
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }} title={i.fileName ?? undefined}>
                  {i.finishedAt === null ? t('dash.imports.never') : localTime(i.finishedAt)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', color: stale.has(i.kind) ? 'warning.dark' : undefined, fontWeight: stale.has(i.kind) ? 600 : undefined }}>
                  {stale.has(i.kind) ? '⚠ ' : ''}
                  {i.dataAsOf ?? '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
      links={['import']}
      footer={
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t('dash.imports.checked')}
        </Typography>
      }
    />
  );
}
