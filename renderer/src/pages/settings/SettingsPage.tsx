import { Stack } from '@mui/material';
import { PageRoot } from '../../components/PageRoot.js';
import { AuditCard } from '../audit/AuditCard.js';
import { AppInfoCard } from './AppInfoCard.js';
import { BackupCard } from './BackupCard.js';
import { DemoCard } from './DemoCard.js';
import { BookSettingsCard } from './BookSettingsCard.js';
import { LanguageCard } from './LanguageCard.js';
import { UsersCard } from './UsersCard.js';
import { useAuth } from '../../auth/AuthGate.js';

/** Everything here comes from the shell (already loaded), so the page is ready at once. */
export function SettingsPage() {
  // Only administrators may build the demo; the server refuses others anyway, so do not offer it.
  const isAdmin = useAuth().user.role === 'admin';
  return (
    <PageRoot page="settings" state="ready">
      <Stack sx={{ gap: 2, maxWidth: 960 }}>
        <LanguageCard />
        <AppInfoCard />
        {isAdmin && <UsersCard />}
        {isAdmin && <BookSettingsCard />}
        {isAdmin && <DemoCard />}
        {isAdmin && <BackupCard />}
        {isAdmin && <AuditCard />}
      </Stack>
    </PageRoot>
  );
}
