import { Box, Button } from '@mui/material';
import EventNoteIcon from '@mui/icons-material/EventNote';
import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider.js';
import { ContactDialog } from './ContactDialog.js';

/** 记录联系 on the client page: the work-log dialog with the client filled in; the page reloads its contacts after. */
export function LogContactButton(props: { clientNo: string; onLogged: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Box sx={{ mb: 1 }}>
      <Button size="small" variant="outlined" startIcon={<EventNoteIcon />} onClick={() => setOpen(true)} data-testid="client-log-contact">
        {t('worklog.logContact')}
      </Button>
      {open && <ContactDialog clientNo={props.clientNo} onClose={() => setOpen(false)} onSaved={props.onLogged} />}
    </Box>
  );
}
