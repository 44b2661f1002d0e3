import { Button, Stack, Typography } from '@mui/material';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { useT } from '../../i18n/I18nProvider.js';

export function ClientsPager(props: {
  page: number;
  count: number;
  canGoBack: boolean;
  canGoForward: boolean;
  onBack: () => void;
  onForward: () => void;
}) {
  const t = useT();
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
      <Button startIcon={<NavigateBeforeIcon />} disabled={!props.canGoBack} onClick={props.onBack} data-testid="clients-prev">
        {t('clients.prev')}
      </Button>
      <Typography data-testid="clients-page-info" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
        {t('clients.pageInfo', { page: props.page, count: props.count })}
      </Typography>
      <Button endIcon={<NavigateNextIcon />} disabled={!props.canGoForward} onClick={props.onForward} data-testid="clients-next">
        {t('clients.next')}
      </Button>
    </Stack>
  );
}
