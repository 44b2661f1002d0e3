import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { MidHighSection } from '../../../../shared/dashboard/types.js';
import { ShareBars } from '../../components/charts/ShareBars.js';
import type { ShareBar } from '../../components/charts/ShareBars.js';
import { useAuth } from '../../auth/AuthGate.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { clientTierKey } from '../../i18n/labels.js';
import { formatCount } from '../../i18n/messages.js';
import { hrefFor, pagesFor } from '../../routing/routes.js';
import { DashCard } from './DashCard.js';
import { formatBp, shareText } from './dashboard-view.js';

interface Line {
  key: 'assigned' | 'fullTime' | 'contacted';
  label: string;
  part: number | null;
  whole: number | null;
  bp: number | null;
}

/**
 * 中高端客户覆盖: of the 金卡-and-above clients, the share with a manager, with a 专职 manager, and contacted per
 * plan; the unassigned ones counted with a link to the coverage page, which lists them (the client list takes no
 * filter from a link).
 */
export function VipCard(props: { section: MidHighSection; manager: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { role } = useAuth().user;
  const [table, setTable] = useState(false);
  const s = props.section;
  const n = (v: number): string => formatCount(v, locale);
  const lines: Line[] = [];
  if (!props.manager) {
    lines.push({ key: 'assigned', label: t('dash.vip.assigned'), part: s.assigned, whole: s.clients, bp: s.assignedBp });
    lines.push({ key: 'fullTime', label: t('dash.vip.fullTime'), part: s.fullTime, whole: s.clients, bp: s.fullTimeBp });
  }
  if (s.contactPlan !== null) lines.push({ key: 'contacted', label: t('dash.vip.contacted'), part: s.contactPlan.covered, whole: s.contactPlan.underPlan, bp: s.contactPlan.rateBp });
  const bars: ShareBar[] = lines.map((l) => ({ key: l.key, label: l.label, bp: l.bp, valueText: shareText(t, l.bp, l.part, l.whole, n) }));
  const tiers = s.tiers.map((tier) => t(clientTierKey(tier))).join('、');
  const notes = [
    s.asOf !== null && !props.manager ? t('dash.vip.asOf', { date: s.asOf }) : null,
    s.contactPlan === null ? t('dash.vip.noContactWindow') : t('dash.vip.contactWindow', { from: s.contactPlan.from, to: s.contactPlan.to }),
  ].filter((x): x is string => x !== null);
  const coverageLink = pagesFor(role).includes('coverage');
  return (
    <DashCard
      id="vip"
      title={t('dash.vip.title')}
      subtitle={t('dash.vip.definition', { tiers })}
      showTable={table}
      onToggle={() => setTable((v) => !v)}
      chart={bars.length === 0 ? null : <ShareBars rows={bars} testId="dash-vip-chart" ariaLabel={t('dash.vip.title')} />}
      table={
        <Table size="small" data-testid="dash-vip-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('dash.vip.col.figure')}</TableCell>
              <TableCell align="right">{t('dash.vip.col.count')}</TableCell>
              <TableCell align="right">{t('dash.vip.col.of')}</TableCell>
              <TableCell align="right">{t('dash.vip.col.share')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.key} data-testid="dash-vip-row" data-key={l.key} data-part={l.part ?? ''} data-whole={l.whole ?? ''} data-bp={l.bp ?? ''}>
                <TableCell>{l.label}</TableCell>
                <TableCell align="right">{l.part === null ? '—' : n(l.part)}</TableCell>
                <TableCell align="right">{l.whole === null ? '—' : n(l.whole)}</TableCell>
                <TableCell align="right">{formatBp(l.bp)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
      links={props.manager ? ['worklog'] : ['coverage', 'assignment', 'worklog']}
      footer={
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {notes.join('；')}
        </Typography>
      }
    >
      {!props.manager && (
        <Stack direction="row" sx={{ gap: 3, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Box>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('dash.vip.clients')}
            </Typography>
            <Typography variant="h3" component="p" data-testid="dash-vip-clients" data-count={s.clients ?? ''} sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {s.clients === null ? '—' : n(s.clients)}
            </Typography>
          </Box>
          <Box>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('dash.vip.unassigned')}
            </Typography>
            {coverageLink ? (
              <Button
                href={hrefFor('coverage')}
                data-testid="dash-vip-unassigned"
                data-count={s.unassigned ?? ''}
                color={(s.unassigned ?? 0) > 0 ? 'error' : 'primary'}
                sx={{ display: 'block', p: 0, minWidth: 0, fontSize: '1rem', fontWeight: 600, fontVariantNumeric: 'tabular-nums', textDecoration: 'underline' }}
              >
                {s.unassigned === null ? '—' : n(s.unassigned)}
              </Button>
            ) : (
              <Typography variant="h3" component="p" data-testid="dash-vip-unassigned" data-count={s.unassigned ?? ''}>
                {s.unassigned === null ? '—' : n(s.unassigned)}
              </Typography>
            )}
          </Box>
        </Stack>
      )}
    </DashCard>
  );
}
