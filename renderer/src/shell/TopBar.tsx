import { AppBar, Box, Chip, LinearProgress, Toolbar, Tooltip, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import StorageIcon from '@mui/icons-material/Storage';
import { useT } from '../i18n/I18nProvider.js';
import { baseName } from './app-state.js';
import { LocaleMenu } from './LocaleMenu.js';
import { UserMenu } from './UserMenu.js';
import { useAppInfo, useDemoJob } from './ShellContext.js';

export function TopBar() {
  const t = useT();
  const info = useAppInfo();
  const { state: demo } = useDemoJob();
  return (
    <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar sx={{ gap: 2 }}>
        <AccountBalanceIcon aria-hidden />
        <Typography variant="h6" component="div" sx={{ fontWeight: 600, flexGrow: 1 }} data-testid="app-title">
          {t('app.name')}
        </Typography>
        <Tooltip title={`${t('app.storeFile')}: ${info.storeFile}`}>
          <Chip
            icon={<StorageIcon />}
            label={baseName(info.storeFile)}
            data-testid="store-file"
            aria-label={`${t('app.storeFile')}: ${info.storeFile}`}
            sx={{ color: 'inherit', borderColor: 'rgba(255,255,255,0.5)', '& .MuiChip-icon': { color: 'inherit' } }}
            variant="outlined"
          />
        </Tooltip>
        <LocaleMenu />
        <UserMenu />
      </Toolbar>
      <Box sx={{ height: 3 }}>
        {demo.status === 'running' && (
          <Tooltip title={t('app.demoRunning')}>
            <LinearProgress color="secondary" aria-label={t('app.demoRunning')} data-testid="demo-running" />
          </Tooltip>
        )}
      </Box>
    </AppBar>
  );
}
