import { Box, Chip, Typography } from '@mui/material';
import type { HTMLAttributes, Key } from 'react';
import type { Manager } from '../../../../shared/model/manager.js';
import { useT } from '../../i18n/I18nProvider.js';
import { managerStatusKey, managerTypeKey } from '../../i18n/labels.js';

export const managerLabel = (m: Pick<Manager, 'name' | 'staffNo'>): string => `${m.name}（${m.staffNo}）`;

/** A status other than 在岗 is what a supervisor must notice when picking someone, so only those get a chip. */
export function StatusChip(props: { status: Manager['status'] }) {
  const t = useT();
  if (props.status === 'active') return null;
  return <Chip size="small" color={props.status === 'leave' ? 'warning' : 'default'} label={t(managerStatusKey(props.status))} />;
}

/** One manager in a picker: name and staff number, then unit, type and (if not in post) status. */
export function ManagerOption(props: { liProps: HTMLAttributes<HTMLLIElement> & { key: Key }; m: Manager; unitName: string; testId: string }) {
  const t = useT();
  const { key, ...rest } = props.liProps;
  const { m } = props;
  return (
    <Box component="li" key={key} {...rest} data-testid={props.testId}>
      <Box sx={{ display: 'flex', alignItems: 'center', width: '100%', gap: 1 }}>
        <Typography component="span">{managerLabel(m)}</Typography>
        <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
          {props.unitName} · {t(managerTypeKey(m.type))}
        </Typography>
        <StatusChip status={m.status} />
      </Box>
    </Box>
  );
}
