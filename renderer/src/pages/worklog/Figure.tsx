import { Card, CardContent, Typography } from '@mui/material';

/** One headline number with its label; `count` is repeated as an attribute so tests read the figure, not the text. */
export function Figure(props: { label: string; value: string; count?: number; testId: string; tone?: 'error' | 'warning' | undefined }) {
  return (
    <Card variant="outlined" sx={{ flex: '1 1 160px', minWidth: 160 }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {props.label}
        </Typography>
        <Typography
          variant="h3"
          component="p"
          data-testid={props.testId}
          data-count={props.count}
          sx={{ fontVariantNumeric: 'tabular-nums', color: props.tone === undefined ? undefined : `${props.tone}.main` }}
        >
          {props.value}
        </Typography>
      </CardContent>
    </Card>
  );
}
