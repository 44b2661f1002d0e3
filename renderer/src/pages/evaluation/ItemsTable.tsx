import { Button, Chip, IconButton, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { Translate } from '../../i18n/messages.js';
import { itemUnit, unitSuffix } from './item-units.js';
import type { ItemDraft, SourceKind } from './scheme-draft.js';
import { SOURCE_KINDS, weightText, weightTotal } from './scheme-draft.js';

function sourceText(item: ItemDraft, indicators: readonly IndicatorView[], t: Translate): string {
  if (item.source === 'indicator') return indicators.find((i) => i.code === item.indicator)?.name ?? (item.indicator === '' ? '—' : item.indicator);
  if (item.source === 'metric') return t(`eval.metric.${item.metric}`);
  return t(`eval.source.${item.source}`);
}

function methodText(item: ItemDraft, t: Translate): string {
  switch (item.method) {
    case 'ratio':
      return t('eval.summary.ratio', { floor: item.floorPct || '0', cap: item.capPct || '—' });
    case 'difference':
      return t('eval.summary.difference', { above: item.pointsAbove || '0', below: item.pointsBelow || '0' });
    case 'bands':
      return t('eval.summary.bands', { count: item.bands.length });
    case 'entered':
      return t('eval.method.entered');
    case 'deduction':
      return t('eval.summary.deduction', { each: item.pointsEach || '0', most: item.mostOff || '0' });
  }
}

/** Target, threshold and gate in a few words, so the table says what the dialog holds. */
function extrasText(item: ItemDraft, indicators: readonly IndicatorView[], t: Translate): string {
  const parts: string[] = [];
  if (item.fixedTarget.trim() !== '') parts.push(t('eval.summary.target', { value: item.fixedTarget, unit: unitSuffix(itemUnit(item.source, item.indicator, indicators)) }));
  if (item.zeroBelowPct.trim() !== '') parts.push(t('eval.summary.zeroBelow', { pct: item.zeroBelowPct }));
  if (item.gateItem !== '') parts.push(t('eval.summary.gate', { item: item.gateItem, pct: item.gateMinPct || '0' }));
  return parts.join('；');
}

/**
 * 考核指标: the scheme's items with their weights, sources and methods, and the weight total checked here exactly
 * (✓ only at 100: deductions sit outside it). Adding or editing opens the item dialog.
 */
export function ItemsTable(props: {
  items: readonly ItemDraft[];
  indicators: readonly IndicatorView[];
  onAdd: (kind: SourceKind) => void;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
  onMove: (index: number, by: -1 | 1) => void;
}) {
  const t = useT();
  const total = weightTotal({ items: [...props.items] });
  return (
    <Stack sx={{ gap: 1.5 }}>
      {props.items.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" data-testid="eval-edit-items">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>{t('eval.edit.name')}</TableCell>
                <TableCell>{t('eval.edit.key')}</TableCell>
                <TableCell align="right">{t('eval.edit.weight')}</TableCell>
                <TableCell>{t('eval.edit.source')}</TableCell>
                <TableCell>{t('eval.edit.method')}</TableCell>
                <TableCell>{t('eval.edit.extras')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {props.items.map((item, i) => (
                <TableRow key={i} hover data-testid="eval-edit-item-row" data-key={item.key}>
                  <TableCell>{i + 1}</TableCell>
                  <TableCell>{item.name === '' ? '—' : item.name}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{item.key}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {item.method === 'deduction' ? t('eval.edit.outside100') : item.weight || '—'}
                  </TableCell>
                  <TableCell>{sourceText(item, props.indicators, t)}</TableCell>
                  <TableCell>{methodText(item, t)}</TableCell>
                  <TableCell sx={{ color: 'text.secondary' }}>{extrasText(item, props.indicators, t)}</TableCell>
                  <TableCell padding="none" sx={{ whiteSpace: 'nowrap', pr: 1 }}>
                    <IconButton size="small" aria-label={t('eval.edit.up')} disabled={i === 0} onClick={() => props.onMove(i, -1)}>
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                    <IconButton size="small" aria-label={t('eval.edit.down')} disabled={i === props.items.length - 1} onClick={() => props.onMove(i, 1)}>
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                    <IconButton size="small" aria-label={t('eval.edit.editItem')} onClick={() => props.onEdit(i)} data-testid="eval-edit-item">
                      <EditIcon fontSize="small" />
                    </IconButton>
                    <IconButton size="small" aria-label={t('eval.edit.remove')} onClick={() => props.onRemove(i)} data-testid="eval-remove-item">
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        {SOURCE_KINDS.map((k) => (
          <Button key={k} size="small" variant="outlined" startIcon={<AddIcon />} disabled={props.items.length >= 40} onClick={() => props.onAdd(k)} data-testid={`eval-add-${k}`}>
            {t(`eval.add.${k}`)}
          </Button>
        ))}
        <Tooltip title={t('eval.edit.weightRule')}>
          <Chip
            sx={{ ml: 'auto' }}
            color={total.ok ? 'success' : 'error'}
            variant={total.ok ? 'filled' : 'outlined'}
            label={t(total.ok ? 'eval.edit.weightOk' : 'eval.edit.weightBad', { total: total.hundredths === null ? '?' : weightText(total.hundredths) })}
            data-testid="eval-weight-total"
            data-ok={total.ok}
            data-total={total.hundredths?.toString() ?? ''}
          />
        </Tooltip>
      </Stack>
      {props.items.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{t('eval.edit.noItems')}</Typography>}
    </Stack>
  );
}
