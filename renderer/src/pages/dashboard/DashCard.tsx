import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import BarChartIcon from '@mui/icons-material/BarChart';
import TableChartIcon from '@mui/icons-material/TableChart';
import type { ReactNode } from 'react';
import { useAuth } from '../../auth/AuthGate.js';
import { navKey } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { hrefFor, pagesFor } from '../../routing/routes.js';
import type { PageKey } from '../../routing/routes.js';

/**
 * One dashboard card: a title and a line saying what the figures are, the chart — or, one click away, the exact
 * figures as a table — and links to the pages that hold the detail (only those the caller's role has).
 * `data-view` tells tests (and print) which face is showing.
 */
export function DashCard(props: {
  id: string;
  title: string;
  subtitle?: ReactNode;
  showTable: boolean;
  onToggle: () => void;
  /** Cards whose figures have no chart (the import list) show only the table. */
  chart: ReactNode | null;
  table: ReactNode;
  links: readonly PageKey[];
  /** Above the chart or table (key figures, pickers). */
  children?: ReactNode;
  /** Below it (legends, notes). */
  footer?: ReactNode;
}) {
  const t = useT();
  const { role } = useAuth().user;
  const allowed = pagesFor(role);
  const table = props.showTable || props.chart === null;
  return (
    <Card data-testid={`dash-card-${props.id}`} data-view={table ? 'table' : 'chart'} className="bw-dash-card" sx={{ height: '100%', breakInside: 'avoid' }}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.25, height: '100%', boxSizing: 'border-box' }}>
        <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', gap: 1 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h2" component="h2">
              {props.title}
            </Typography>
            {props.subtitle !== undefined && (
              <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid={`dash-subtitle-${props.id}`}>
                {props.subtitle}
              </Typography>
            )}
          </Box>
          {props.chart !== null && (
            <Button
              size="small"
              variant="outlined"
              className="bw-no-print"
              startIcon={table ? <BarChartIcon /> : <TableChartIcon />}
              onClick={props.onToggle}
              aria-pressed={table}
              data-testid={`dash-toggle-${props.id}`}
              sx={{ flexShrink: 0 }}
            >
              {table ? t('dash.showChart') : t('dash.showNumbers')}
            </Button>
          )}
        </Stack>
        {props.children}
        <Box sx={{ flex: 1, minWidth: 0 }}>{table ? <Box data-testid={`dash-table-${props.id}`}>{props.table}</Box> : props.chart}</Box>
        {props.footer}
        <Stack direction="row" className="bw-no-print" sx={{ gap: 1, flexWrap: 'wrap' }}>
          {props.links
            .filter((p) => allowed.includes(p))
            .map((p) => (
              <Button key={p} size="small" href={hrefFor(p)} data-testid={`dash-link-${props.id}-${p}`}>
                {t('dash.goto', { page: t(navKey(p)) })}
              </Button>
            ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
