import { Button, TextField, Typography } from '@mui/material';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useState } from 'react';
import type { ApiResult } from '../../../../shared/api/errors.js';
import type { GridRow, IndicatorView } from '../../../../shared/targets/decomposition.js';
import { formatFigure, parseFigure } from '../../../../shared/targets/figures.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';
import { usePeriodName } from './period-names.js';

/** 手工调整: one cell's figure, typed in the indicator's unit (万元 exactly to the fen); saving locks the cell. */
export function CellDialog(props: {
  row: GridRow;
  period: string;
  indicator: IndicatorView;
  onClose: () => void;
  save: (value: number) => Promise<ApiResult<unknown>>;
  unlock: (() => Promise<ApiResult<unknown>>) | null;
}) {
  const t = useT();
  const periodName = usePeriodName();
  const { indicator } = props;
  const [text, setText] = useState(formatFigure(props.row.values[props.period] ?? 0, indicator.measure, indicator.unit).replaceAll(',', ''));
  const value = parseFigure(text, indicator.measure, indicator.unit);
  const { unlock, onClose } = props;
  return (
    <SaveDialog
      title={t('targets.cell.title', { name: props.row.name, period: periodName(props.period) })}
      testId="targets-cell-save"
      saveLabel={t('targets.cell.save')}
      canSave={value !== null}
      onClose={onClose}
      onSaved={() => undefined}
      save={() => props.save(value ?? 0)}
      extraActions={
        unlock === null ? undefined : (
          <Button startIcon={<LockOpenIcon />} onClick={() => void unlock().then((r) => r.ok && onClose())} data-testid="targets-cell-unlock">
            {t('targets.unlock')}
          </Button>
        )
      }
    >
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('targets.cell.hint')}
      </Typography>
      <TextField
        autoFocus
        label={t('targets.cell.value', { unit: indicator.unit })}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={value === null}
        helperText={value === null ? t('targets.cell.invalid', { unit: indicator.unit }) : ' '}
        slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'targets-cell-value' } }}
      />
    </SaveDialog>
  );
}
