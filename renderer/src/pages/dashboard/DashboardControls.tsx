import { Button, Chip, MenuItem, Stack, TextField } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import type { DashboardUnit } from '../../../../shared/dashboard/types.js';
import { useApi } from '../../api/ApiProvider.js';
import { useAction } from '../../api/useAction.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { periodOptions, periodText } from './dashboard-view.js';

/** Depth of each unit in the list (parents come first), for indenting the picker. */
function depths(units: readonly DashboardUnit[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const u of units) out.set(u.id, u.parentId === null || !out.has(u.parentId) ? 0 : (out.get(u.parentId) ?? 0) + 1);
  return out;
}

/** Period and org-unit pickers, the data's date and the print button. */
export function DashboardControls(props: {
  period: string;
  years: readonly number[];
  onPeriod: (period: string) => void;
  units: readonly DashboardUnit[];
  orgUnitId: number | null;
  onUnit: (id: number) => void;
  dataAsOf: string | null;
}) {
  const t = useT();
  const api = useApi();
  const printing = useAction();
  const depth = depths(props.units);
  // Every print is audited: the browser prints the page, so the print is recorded first and refused prints stay unprinted.
  const print = () => void printing.run(() => api.call('dashboard.printed', { period: props.period, orgUnitId: props.orgUnitId }), () => window.print());
  return (
    <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }} className="bw-no-print">
      <TextField
        select
        size="small"
        label={t('dash.period')}
        value={props.period}
        onChange={(e) => props.onPeriod(e.target.value)}
        sx={{ minWidth: 170 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'dash-period' } as object, MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } } }}
      >
        {periodOptions(props.years).map((p) => (
          <MenuItem key={p} value={p} data-testid={`dash-period-${p}`} sx={{ pl: p.length === 4 ? 2 : 4 }}>
            {periodText(p, t)}
          </MenuItem>
        ))}
      </TextField>
      {props.units.length > 0 && props.orgUnitId !== null && (
        <TextField
          select
          size="small"
          label={t('dash.unit')}
          value={props.orgUnitId}
          onChange={(e) => props.onUnit(Number(e.target.value))}
          sx={{ minWidth: 200 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'dash-unit' } as object } }}
        >
          {props.units.map((u) => (
            <MenuItem key={u.id} value={u.id} data-testid={`dash-unit-${u.id}`} sx={{ pl: 2 + 2 * (depth.get(u.id) ?? 0) }}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Chip variant="outlined" label={props.dataAsOf === null ? t('dash.noData') : t('dash.dataAsOf', { date: props.dataAsOf })} data-testid="dash-data-as-of" data-as-of={props.dataAsOf ?? ''} />
      <Button variant="outlined" startIcon={<PrintIcon />} onClick={print} disabled={printing.busy} data-testid="dash-print">
        {t('dash.print')}
      </Button>
      {printing.error !== null && <ErrorAlert error={printing.error} />}
    </Stack>
  );
}
