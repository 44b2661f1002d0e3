import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { useT } from '../../i18n/I18nProvider.js';
import { LimitFields } from './LimitFields.js';
import { MethodFields } from './MethodFields.js';
import { SourceFields } from './SourceFields.js';
import { NumField } from './fields.js';
import { itemUnit } from './item-units.js';
import type { ItemDraft } from './scheme-draft.js';
import { withFields, withSource } from './scheme-draft.js';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography variant="subtitle2" sx={{ color: 'text.secondary' }}>
        {props.title}
      </Typography>
      {props.children}
    </Stack>
  );
}

/**
 * One scheme item in full: name, key and weight; its source; its method; for items scored from figures the target,
 * threshold, cap, floor and gate. Works on a copy: 取消 leaves the scheme as it was.
 */
export function ItemDialog(props: { item: ItemDraft; isNew: boolean; others: ReadonlyArray<{ key: string; name: string }>; indicators: readonly IndicatorView[]; onApply: (item: ItemDraft) => void; onClose: () => void }) {
  const t = useT();
  const [item, setItem] = useState(props.item);
  const patch = (p: Partial<ItemDraft>): void => setItem((i) => withFields(i, p));
  const unit = itemUnit(item.source, item.indicator, props.indicators);
  const measured = item.source === 'indicator' || item.source === 'metric';
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{t(props.isNew ? 'eval.edit.newItem' : 'eval.edit.editItem')}</DialogTitle>
      <DialogContent dividers>
        <Stack sx={{ gap: 2.5 }} data-testid="eval-item-dialog">
          <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
            <TextField size="small" label={t('eval.edit.name')} value={item.name} required onChange={(e) => patch({ name: e.target.value })} sx={{ width: 220 }} slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'eval-edit-name' } }} />
            <TextField
              size="small"
              label={t('eval.edit.key')}
              value={item.key}
              required
              onChange={(e) => patch({ key: e.target.value })}
              helperText={t('eval.edit.keyHint')}
              sx={{ width: 200 }}
              slotProps={{ htmlInput: { maxLength: 32, 'data-testid': 'eval-edit-key' } }}
            />
            <NumField
              label={t('eval.edit.weight')}
              value={item.weight}
              onChange={(v) => patch({ weight: v })}
              suffix={t('eval.points')}
              testId="eval-edit-weight"
              disabled={item.method === 'deduction'}
              helperText={item.method === 'deduction' ? t('eval.edit.deductionWeight') : undefined}
              required
            />
          </Stack>
          <Divider />
          <Section title={t('eval.edit.sourceSection')}>
            <SourceFields item={item} indicators={props.indicators} onKind={(k) => setItem((i) => withSource(i, k))} patch={patch} />
          </Section>
          <Divider />
          <Section title={t('eval.edit.methodSection')}>
            <MethodFields item={item} unit={unit} patch={patch} />
          </Section>
          {measured && (
            <>
              <Divider />
              <Section title={t('eval.edit.limitsSection')}>
                <LimitFields item={item} unit={unit} others={props.others} patch={patch} />
              </Section>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} data-testid="eval-edit-cancel">
          {t('common.cancel')}
        </Button>
        <Button variant="contained" onClick={() => props.onApply(item)} data-testid="eval-edit-apply">
          {t('eval.edit.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
