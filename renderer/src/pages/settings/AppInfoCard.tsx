import { Card, CardContent, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useT } from '../../i18n/I18nProvider.js';
import { runModeKey } from '../../i18n/labels.js';
import { useAppInfo } from '../../shell/ShellContext.js';

export function AppInfoCard() {
  const t = useT();
  const info = useAppInfo();
  const rows: Array<[string, string, string]> = [
    ['app', t('settings.info.app'), info.appName],
    ['version', t('settings.info.version'), info.version],
    ['mode', t('settings.info.mode'), t(runModeKey(info.mode))],
    ['store', t('settings.info.storeFile'), info.storeFile],
    [
      'schema',
      t('settings.info.schema'),
      t('settings.info.schemaValue', { version: info.schemaVersion, count: info.migrationCount }),
    ],
    ['sqlite', t('settings.info.sqlite'), info.sqliteVersion],
  ];
  return (
    <Card>
      <CardContent>
        <Typography variant="h2" gutterBottom>
          {t('settings.aboutTitle')}
        </Typography>
        <Table size="small" data-testid="app-info">
          <TableBody>
            {rows.map(([id, label, value]) => (
              <TableRow key={id} data-testid={`app-info-${id}`}>
                <TableCell component="th" scope="row" sx={{ width: '30%', color: 'text.secondary', borderBottom: 'none' }}>
                  {label}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all', borderBottom: 'none' }}>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
