import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { useState } from 'react';
import type { MessageKey } from '../i18n/messages.js';
import { useAuth } from '../auth/AuthGate.js';
import { useT } from '../i18n/I18nProvider.js';

/** Who is signed in, in which role, and the way out. */
export function UserMenu() {
  const t = useT();
  const { user, signOut } = useAuth();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button color="inherit" startIcon={<AccountCircleIcon />} onClick={(e) => setAnchor(e.currentTarget)} data-testid="user-menu" data-role={user.role} sx={{ textTransform: 'none' }}>
        {user.displayName}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled>
          <ListItemText primary={user.username} secondary={t(`auth.role.${user.role}` as MessageKey)} />
        </MenuItem>
        <MenuItem
          data-testid="sign-out"
          onClick={() => {
            setAnchor(null);
            signOut();
          }}
        >
          {t('auth.signOut')}
        </MenuItem>
      </Menu>
    </>
  );
}
