import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';
import type { ReactNode } from 'react';
import { hrefFor } from '../routing/routes.js';
import type { PageKey } from '../routing/routes.js';

export interface EmptyAction {
  to: PageKey;
  label: string;
}

/** An empty state that says what to do next, with links to the pages that provide what is missing. */
export function EmptyState(props: {
  testId: string;
  title: string;
  body: ReactNode;
  actions: readonly EmptyAction[];
  icon?: ReactNode;
  children?: ReactNode;
}) {
  const { testId, title, body, actions, icon, children } = props;
  return (
    <Paper variant="outlined" data-testid={testId} sx={{ p: 4, display: 'flex', gap: 3, alignItems: 'flex-start' }}>
      <Box sx={{ color: 'primary.light', pt: 0.5 }}>{icon ?? <InboxIcon fontSize="large" />}</Box>
      <Stack sx={{ gap: 1.5, flex: 1, minWidth: 0 }}>
        <Typography variant="h2">{title}</Typography>
        <Typography sx={{ color: 'text.secondary', maxWidth: '70ch' }}>{body}</Typography>
        {children}
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', pt: 1 }}>
          {actions.map((action, i) => (
            <Button
              key={action.to}
              href={hrefFor(action.to)}
              variant={i === 0 ? 'contained' : 'outlined'}
              data-testid={`empty-action-${action.to}`}
            >
              {action.label}
            </Button>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
