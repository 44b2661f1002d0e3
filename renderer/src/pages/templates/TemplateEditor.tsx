import { Alert, Box, Button, Chip, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { FilledTemplate, ReportTemplateInfo } from '../../../../shared/api/ops/templates.js';
import type { TemplateMapping } from '../../../../shared/reports/template.js';
import { useApi } from '../../api/ApiProvider.js';
import { offerDownload } from '../../api/download.js';
import { combineStates } from '../../api/query-state.js';
import type { PageState } from '../../api/query-state.js';
import { useAction } from '../../api/useAction.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { periodChoices } from '../evaluation/eval-periods.js';
import { flattenOrgTree } from '../managers/org-tree.js';
import { FigurePicker } from './FigurePicker.js';
import { MappingList } from './MappingList.js';
import { SheetGrid } from './SheetGrid.js';
import { gridModel, withMapping } from './template-grid.js';

const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
type PeriodType = (typeof PERIOD_TYPES)[number];

const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const select = (testId: string): object => ({ select: { SelectDisplayProps: { 'data-testid': testId } as object } });

/**
 * One template: its sheets as grids to map cells on, the mappings (edited as a draft until saved), and the fill for
 * a period and unit. The period chosen here is also the one the picker lists rows and columns from and the one the
 * server checks columns against on save.
 */
export function TemplateEditor(props: { template: ReportTemplateInfo; onState: (s: PageState) => void; onSaved: () => void }) {
  const t = useT();
  const lang = useLocale().locale === 'en' ? 'en' : 'zh';
  const api = useApi();
  const { template, onState } = props;
  const detail = useApiQuery('templates.inspect', { id: template.id });
  const summary = useApiQuery('system.summary', {});
  const tree = useApiQuery('org.tree', {});
  const [draft, setDraft] = useState<TemplateMapping[] | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [picking, setPicking] = useState<string | null>(null);
  const [periodType, setPeriodType] = useState<PeriodType>('month');
  const [period, setPeriod] = useState<string | null>(null);
  const [unit, setUnit] = useState<number | 'all'>('all');
  const [filled, setFilled] = useState<FilledTemplate | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const save = useAction();
  const fill = useAction();

  const state = combineStates(detail.state, summary.state, tree.state, save.busy || fill.busy ? 'loading' : 'ready');
  useEffect(() => onState(state), [state, onState]);

  const latestAsOf = summary.state === 'ready' ? summary.value.latestAsOf : null;
  const periods = periodChoices(periodType, latestAsOf, todayIso());
  const shownPeriod = period !== null && periods.includes(period) ? period : (periods[0] ?? '');
  const request = { period: shownPeriod, ...(unit === 'all' ? {} : { orgUnitId: unit }) };
  const units = tree.state === 'ready' ? flattenOrgTree(tree.value) : [];

  if (detail.state === 'error') return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  const d = detail.latest;
  if (d === null) return null;
  const saved = d.mappings;
  const mappings = draft ?? saved;
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved);
  const sheets = d.sheets;
  const sheet = sheets[Math.min(sheetIndex, sheets.length - 1)];
  const editable = template.editable;
  const model = sheet === undefined || !sheet.worksheet ? null : gridModel(sheet, mappings);
  const pickedCell = picking === null || sheet === undefined ? null : sheet.cells.find((c) => c.ref === picking);
  const pickedMapping = picking === null || sheet === undefined ? undefined : mappings.find((m) => m.sheet === sheet.name && m.cell === picking);

  return (
    <Stack sx={{ gap: 1.5 }} data-testid="templates-editor" data-template={template.id} data-dirty={dirty ? 'true' : 'false'}>
      {!editable && <Alert severity="info">{t('templates.readonly', { owner: template.ownerUnitName === null ? t('templates.owner.all') : t('templates.owner.unit', { unit: template.ownerUnitName }) })}</Alert>}
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label={t('templates.periodType')} value={periodType} onChange={(e) => setPeriodType(e.target.value as PeriodType)} sx={{ width: 110 }} slotProps={select('templates-period-type')}>
          {PERIOD_TYPES.map((p) => (
            <MenuItem key={p} value={p} data-testid={`templates-period-type-${p}`}>
              {t(`templates.periodType.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('templates.period')} value={shownPeriod} onChange={(e) => setPeriod(e.target.value)} sx={{ width: 130 }} slotProps={select('templates-period')}>
          {periods.map((p) => (
            <MenuItem key={p} value={p} data-testid={`templates-period-${p}`}>
              {p}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('templates.unit')} value={unit} onChange={(e) => setUnit(e.target.value === 'all' ? 'all' : Number(e.target.value))} sx={{ width: 220 }} slotProps={select('templates-unit')}>
          <MenuItem value="all" data-testid="templates-unit-all">
            {t('templates.unit.all')}
          </MenuItem>
          {units.map(({ unit: u, depth }) => (
            <MenuItem key={u.id} value={u.id} data-testid={`templates-unit-${u.code}`} sx={{ pl: 2 + depth * 2 }}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
        {editable && (
          <>
            <Button
              variant="outlined"
              disabled={!dirty || save.busy}
              data-testid="templates-save"
              onClick={() =>
                void save.run(
                  () => api.call('templates.setMappings', { id: template.id, mappings, ...request }),
                  (r) => {
                    setDraft(null);
                    setSavedVersion(r.template.version);
                    detail.reload();
                    props.onSaved();
                  },
                )
              }
            >
              {t('templates.save')}
            </Button>
            {dirty && (
              <>
                <Chip size="small" color="warning" label={t('templates.unsaved')} data-testid="templates-unsaved" />
                <Button size="small" onClick={() => setDraft(null)}>
                  {t('templates.revert')}
                </Button>
              </>
            )}
          </>
        )}
        <Button
          variant="contained"
          disabled={dirty || fill.busy || shownPeriod === '' || saved.length === 0}
          data-testid="templates-fill"
          onClick={() =>
            void fill.run(
              () => api.call('templates.fill', { id: template.id, ...request }),
              (f) => {
                setFilled(f);
                offerDownload(f);
              },
            )
          }
        >
          {t('templates.fill')}
        </Button>
      </Stack>
      {dirty && <Typography variant="body2" sx={{ color: 'text.secondary' }}>{t('templates.fillNeedsSave')}</Typography>}
      {save.error !== null && <ErrorAlert title={t('templates.saveFailed')} error={save.error} />}
      {save.error?.details?.problems !== undefined && (
        <Box component="ul" data-testid="templates-save-problems" sx={{ m: 0, pl: 3 }}>
          {save.error.details.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </Box>
      )}
      {savedVersion !== null && !dirty && save.error === null && <Alert severity="success" data-testid="templates-saved">{t('templates.saved', { version: savedVersion })}</Alert>}
      {fill.error !== null && <ErrorAlert title={t('templates.fillFailed')} error={fill.error} />}
      {filled !== null && (
        <Alert severity={filled.warnings.length === 0 ? 'success' : 'warning'} data-testid="templates-filled">
          {t('templates.filled', { file: filled.fileName, cells: filled.cells })}
          {filled.warnings.length > 0 && (
            <>
              <br />
              {t('templates.warnings')}
              <Box component="ul" data-testid="templates-warnings" sx={{ m: 0, pl: 3 }}>
                {filled.warnings.map((w, i) => (
                  <li key={i}>{w.message[lang]}</li>
                ))}
              </Box>
            </>
          )}
        </Alert>
      )}
      {d.problems.length > 0 && (
        <Alert severity="warning" data-testid="templates-problems">
          {t('templates.problems')}
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {d.problems.map((p, i) => (
              <li key={i}>{p.message[lang]}</li>
            ))}
          </Box>
        </Alert>
      )}
      <Tabs value={Math.min(sheetIndex, sheets.length - 1)} onChange={(_e, v: number) => setSheetIndex(v)} variant="scrollable">
        {sheets.map((s, i) => (
          <Tab key={s.name} value={i} data-testid={`templates-sheet-${i}`} label={`${s.name}${s.state === 'visible' ? '' : ` ${t('templates.hiddenSheet')}`}${s.worksheet ? '' : ` ${t('templates.chartSheet')}`}`} />
        ))}
      </Tabs>
      {model !== null && sheet !== undefined && (
        <>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('templates.gridHint')}
          </Typography>
          {(sheet.truncated || model.rows < sheet.rows || model.cols < sheet.cols) && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('templates.truncated', { rows: model.rows, cols: model.cols })}
            </Typography>
          )}
          <SheetGrid model={model} mappings={mappings} catalog={d.catalog} lang={lang} onPick={editable ? setPicking : null} />
        </>
      )}
      <MappingList
        mappings={mappings}
        catalog={d.catalog}
        lang={lang}
        onRemove={editable ? (m) => setDraft(withMapping(mappings, m.sheet, m.cell, null)) : null}
        onShow={(m) => setSheetIndex(Math.max(0, sheets.findIndex((s) => s.name === m.sheet)))}
      />
      {picking !== null && sheet !== undefined && (
        <FigurePicker
          sheet={sheet.name}
          cell={picking}
          cellText={pickedCell?.text ?? ''}
          initial={pickedMapping?.figure ?? null}
          catalog={d.catalog}
          request={request}
          lang={lang}
          onClose={() => setPicking(null)}
          onApply={(figure) => {
            setDraft(withMapping(mappings, sheet.name, picking, figure));
            setSavedVersion(null);
            setPicking(null);
          }}
        />
      )}
    </Stack>
  );
}
