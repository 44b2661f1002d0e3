import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api/errors.js';
import type { Decomposition, DecompositionWarning, GridRow, PlanSummary } from '../../../../shared/targets/decomposition.js';
import { formatFigure } from '../../../../shared/targets/figures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { Translate } from '../../i18n/messages.js';
import { CellDialog } from './CellDialog.js';
import type { LineageContext } from './DecompositionTab.js';
import { DecompositionGrid } from './DecompositionGrid.js';
import { SettingsBar } from './SettingsBar.js';
import type { SettingsValue } from './SettingsBar.js';

function warningText(t: Translate, w: DecompositionWarning, fmt: (v: number) => string): string {
  switch (w.kind) {
    case 'no_managers':
      return t('targets.warn.no_managers', { name: w.name });
    case 'weights_all_zero':
      return t('targets.warn.weights_all_zero');
    case 'head_office_changed':
      return t('targets.warn.head_office_changed', { figure: w.headOffice === null ? '—' : fmt(w.headOffice) });
    case 'prior_missing':
      return t('targets.warn.prior_missing', { year: w.year });
  }
}

function statusChip(t: Translate, plan: PlanSummary | null): ReactNode {
  if (plan === null) return <Chip size="small" color="warning" variant="outlined" label={t('targets.status.preview')} data-testid="targets-status" data-status="preview" />;
  const color = plan.status === 'draft' ? 'info' : plan.status === 'published' ? 'success' : 'default';
  return <Chip size="small" color={color} label={t(`targets.status.${plan.status}`, { version: plan.version })} data-testid="targets-status" data-status={plan.status} data-version={plan.version} data-plan-id={plan.id} />;
}

/** What preview, draft and published views share: settings, figures, warnings, the grid and the cell editor. */
export function DecompositionBody(props: {
  ctx: LineageContext;
  value: Decomposition;
  plan: PlanSummary | null;
  editable: boolean;
  busy: boolean;
  error: ApiError | null;
  onSettings: (s: SettingsValue) => void;
  onLock: (row: GridRow, period: string, locked: boolean) => Promise<ApiResult<unknown>>;
  onEdit: (row: GridRow, period: string, value: number) => Promise<ApiResult<unknown>>;
  actions: ReactNode;
}) {
  const t = useT();
  const { value, ctx } = props;
  const { indicator, params } = value;
  const fmt = (v: number): string => formatFigure(v, indicator.measure, indicator.unit);
  const [editing, setEditing] = useState<{ row: GridRow; period: string } | null>(null);
  const settings: SettingsValue = {
    outletMethod: params.outletMethod,
    managerMethod: params.managerMethod,
    profile: params.profile.kind === 'custom' ? { kind: 'custom', quarters: params.profile.quarters, months: params.profile.months } : { kind: params.profile.kind },
  };
  return (
    <Stack
      sx={{ gap: 2 }}
      data-testid="targets-body"
      data-outlet-method={params.outletMethod}
      data-manager-method={params.managerMethod}
      data-profile={params.profile.kind}
      data-busy={props.busy}
      data-locks={value.rows.reduce((a, r) => a + r.locked.length, 0)}
    >
      <SettingsBar value={settings} rootId={ctx.rootId} roots={ctx.roots} onRoot={ctx.onRoot} onChange={props.onSettings} editable={props.editable} busy={props.busy} />
      <Stack direction="row" sx={{ gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
        <Box data-testid="targets-head-office" data-value={value.headOffice ?? ''}>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('targets.headOffice')}
          </Typography>
          <Typography sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{value.headOffice === null ? t('targets.headOffice.none') : `${fmt(value.headOffice)} ${indicator.unit}`}</Typography>
        </Box>
        <Box data-testid="targets-total" data-value={params.total}>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('targets.total')} · {value.rootName}
          </Typography>
          <Typography sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
            {fmt(params.total)} {indicator.unit}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('targets.managersOn')}
          </Typography>
          <Typography>{params.managersOn}</Typography>
        </Box>
        {statusChip(t, props.plan)}
        <Stack direction="row" sx={{ gap: 1, ml: 'auto' }}>
          {props.actions}
        </Stack>
      </Stack>
      {props.plan === null && <Alert severity="info">{t('targets.previewHint')}</Alert>}
      {props.plan !== null && !props.editable && <Alert severity="info">{t('targets.readOnly')}</Alert>}
      {value.warnings.map((w, i) => (
        <Alert key={i} severity="warning" data-testid="targets-warning" data-kind={w.kind}>
          {warningText(t, w, fmt)}
        </Alert>
      ))}
      {props.error !== null && editing === null && <ErrorAlert error={props.error} />}
      <DecompositionGrid value={value} editable={props.editable && !props.busy} onEdit={(row, period) => setEditing({ row, period })} onLock={(row, period, locked) => void props.onLock(row, period, locked)} />
      {editing !== null && (
        <CellDialog
          row={editing.row}
          period={editing.period}
          indicator={indicator}
          onClose={() => setEditing(null)}
          save={(v) => props.onEdit(editing.row, editing.period, v)}
          unlock={editing.row.locked.includes(editing.period) ? () => props.onLock(editing.row, editing.period, false) : null}
        />
      )}
    </Stack>
  );
}
