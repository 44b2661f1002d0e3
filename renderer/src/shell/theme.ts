import { createTheme } from '@mui/material/styles';

/**
 * A calm palette for long working days: deep navy for structure, a muted gold accent, soft grey
 * ground. System CJK fonts only: the app is offline and its CSP forbids font CDNs.
 */
export const theme = createTheme({
  palette: {
    primary: { main: '#1f4e79', light: '#4a74a0', dark: '#12324f', contrastText: '#ffffff' },
    secondary: { main: '#9a7b4f', contrastText: '#ffffff' },
    background: { default: '#f3f5f8', paper: '#ffffff' },
    text: { primary: '#1d2733', secondary: '#566273' },
    divider: '#dde3ea',
  },
  typography: {
    fontFamily: [
      '"PingFang SC"',
      '"Microsoft YaHei"',
      '"Noto Sans CJK SC"',
      '"Source Han Sans SC"',
      '"Noto Sans SC"',
      'system-ui',
      '-apple-system',
      '"Segoe UI"',
      'sans-serif',
    ].join(','),
    h1: { fontSize: '1.5rem', fontWeight: 600 },
    h2: { fontSize: '1.15rem', fontWeight: 600 },
    h3: { fontSize: '1rem', fontWeight: 600 },
  },
  shape: { borderRadius: 6 },
  components: {
    MuiAppBar: { defaultProps: { elevation: 0 } },
    // Upper-case buttons shout in English and mean nothing in Chinese.
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600, whiteSpace: 'nowrap' } } },
  },
});

export const DRAWER_WIDTH = 200;
