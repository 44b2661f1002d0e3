import { Alert, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { GenerationResult } from '../../../../shared/tasks/model.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { dueText } from './task-view.js';

/** What a run would make: one list per manager (and per outlet for clients with no manager in post), with its size. */
export function GeneratePreview(props: { result: GenerationResult }) {
  const t = useT();
  const { locale } = useLocale();
  const r = props.result;
  const n = (v: number): string => formatCount(v, locale);
  return (
    <>
      <Alert severity={r.clients === 0 ? 'info' : 'success'} data-testid="tasks-gen-summary" data-clients={r.clients} data-skipped={r.skipped} data-groups={r.groups.length}>
        {r.clients === 0 ? t('tasks.gen.nothing', { skipped: n(r.skipped) }) : t('tasks.gen.summary', { clients: n(r.clients), tasks: n(r.groups.length), due: dueText(r.dueAt), skipped: n(r.skipped) })}
      </Alert>
      {r.groups.length > 0 && (
        <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 320 }}>
          <Table size="small" stickyHeader data-testid="tasks-gen-groups">
            <TableHead>
              <TableRow>
                <TableCell>{t('tasks.fig.manager')}</TableCell>
                <TableCell>{t('tasks.col.outlet')}</TableCell>
                <TableCell align="right">{t('tasks.col.clients')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.groups.map((g) => (
                <TableRow key={`${g.managerId ?? 'none'}-${g.orgUnitId ?? 'none'}`} data-testid="tasks-gen-group" data-manager-id={g.managerId ?? ''} data-clients={g.clients}>
                  <TableCell>{g.managerName ?? <Chip size="small" color="warning" variant="outlined" label={t('tasks.gen.noManager')} />}</TableCell>
                  <TableCell>{g.orgUnitName ?? '—'}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {n(g.clients)}
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
