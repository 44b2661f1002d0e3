import { Alert, Box, Button, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { HandoverBlocker } from './handover-draft.js';

const blockerKey = (b: HandoverBlocker): MessageKey => `handover.blocker.${b}`;

/**
 * Back and Next under each step, with what stops Next said in words beside it (a disabled button alone does not
 * tell a supervisor what is missing). The last step passes its own action instead of Next.
 */
export function WizardNav(props: { onBack?: () => void; onNext?: () => void; canNext: boolean; blocker: HandoverBlocker | null; action?: ReactNode }) {
  const t = useT();
  return (
    <Stack direction="row" sx={{ gap: 2, alignItems: 'center', borderTop: 1, borderColor: 'divider', pt: 2 }}>
      <Button disabled={props.onBack === undefined} onClick={props.onBack} data-testid="handover-back">
        {t('handover.nav.back')}
      </Button>
      <Box sx={{ flexGrow: 1 }}>
        {props.blocker !== null && (
          <Alert severity="info" sx={{ py: 0 }} data-testid="handover-blocked" data-blocker={props.blocker}>
            {t(blockerKey(props.blocker))}
          </Alert>
        )}
      </Box>
      {props.action}
      {props.onNext !== undefined && (
        <Button variant="contained" disabled={!props.canNext} onClick={props.onNext} data-testid="handover-next">
          {t('handover.nav.next')}
        </Button>
      )}
    </Stack>
  );
}
