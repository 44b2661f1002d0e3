import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import type { AssignmentPreview, UnplacedReason } from '../../../../shared/assignment/rules.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatCount } from '../../i18n/messages.js';
import { moveKinds, unplacedByReason } from './preview-view.js';

const WARNINGS_SHOWN = 5;
const reasonKey = (r: UnplacedReason): MessageKey => `rules.unplaced.${r}`;

/** Whether the plan meets every rule, and if not why; the counts; and the engine's warnings (first few, then all). */
export function PreviewVerdict(props: { preview: AssignmentPreview }) {
  const t = useT();
  const { locale } = useLocale();
  const [allWarnings, setAllWarnings] = useState(false);
  const { preview } = props;
  const n = (v: number): string => formatCount(v, locale);
  const kinds = moveKinds(preview.moves);
  const unplaced = unplacedByReason(preview.unplaced);
  const warnings = allWarnings ? preview.warnings : preview.warnings.slice(0, WARNINGS_SHOWN);
  return (
    <>
      <Alert severity={preview.feasible ? 'success' : 'warning'} data-testid="rules-verdict" data-feasible={preview.feasible}>
        {preview.feasible ? t('rules.preview.feasible') : t('rules.preview.infeasible', { reason: preview.reason === null ? '—' : pickText(preview.reason, locale) })}
        {!preview.feasible && <Box>{t('rules.preview.bestEffort')}</Box>}
      </Alert>
      <Typography data-testid="rules-summary" data-selected={preview.selected} data-moves={preview.moves.length} data-unplaced={preview.unplaced.length}>
        {preview.moves.length === 0 && preview.unplaced.length === 0
          ? t('rules.preview.nothing')
          : t('rules.preview.summary', { selected: n(preview.selected), moves: n(preview.moves.length), fromNobody: n(kinds.fromNobody), transfers: n(kinds.transfers), unplaced: n(preview.unplaced.length) })}
        {unplaced.length > 0 && ` ${t('rules.unplaced.title')}${unplaced.map((u) => t('rules.unplaced.item', { reason: t(reasonKey(u.reason)), count: n(u.count) })).join('；')}`}
      </Typography>
      {preview.warnings.length > 0 && (
        <Alert
          severity="info"
          data-testid="rules-warnings"
          action={
            preview.warnings.length > WARNINGS_SHOWN ? (
              <Button size="small" color="inherit" onClick={() => setAllWarnings((v) => !v)}>
                {allWarnings ? t('rules.preview.showLess') : t('rules.preview.showAll')}
              </Button>
            ) : undefined
          }
        >
          <AlertTitle>{t('rules.preview.warnings', { count: n(preview.warnings.length) })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {warnings.map((w, i) => (
              <li key={i} data-testid="rules-warning" data-kind={w.kind}>
                {pickText(w.message, locale)}
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </>
  );
}
