import { Chip } from '@mui/material';
import { useT } from '../../i18n/I18nProvider.js';
import { STATUS_COLORS } from './run-view.js';
import type { RunStatus } from './run-view.js';

/** 草稿 / 待确认 / 已锁定. */
export function StatusChip(props: { status: RunStatus }) {
  const t = useT();
  return <Chip size="small" color={STATUS_COLORS[props.status]} variant={props.status === 'draft' ? 'outlined' : 'filled'} label={t(`eval.status.${props.status}`)} data-testid="eval-status" data-status={props.status} />;
}
