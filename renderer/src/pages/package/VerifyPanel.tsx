import { Alert, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { pickText } from '../../../../shared/i18n/locale.js';
import type { VerifyReport } from '../../../../shared/package/manifest.js';
import { useApi } from '../../api/ApiProvider.js';
import type { PageState } from '../../api/query-state.js';
import { useAction } from '../../api/useAction.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import type { LoadedKey } from './KeyPanel.js';
import { PickFilesButton } from './PickFilesButton.js';
import { fileBase64 } from './file-bytes.js';

/** 校验上报包: the server's verifier over a picked file; every problem listed with the file it concerns. */
export function VerifyPanel(props: { keyFile: LoadedKey | null; onState: (s: PageState) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const action = useAction();
  const [result, setResult] = useState<{ file: string; report: VerifyReport } | null>(null);
  const { onState } = props;
  useEffect(() => onState(action.busy ? 'loading' : 'ready'), [onState, action.busy]);
  const verify = (file: File): void => {
    setResult(null);
    const keySecret = props.keyFile?.text;
    void action.run(
      async () => api.call('package.verify', { base64: await fileBase64(file), ...(keySecret === undefined ? {} : { keySecret }) }),
      (report) => setResult({ file: file.name, report }),
    );
  };
  const report = result?.report ?? null;
  const errors = report?.problems.filter((p) => p.level === 'error').length ?? 0;
  const m = report?.manifest ?? null;
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="h2">{t('pkg.verify.title')}</Typography>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center' }}>
        <PickFilesButton label={t('pkg.verify.choose')} testId="pkg-verify-file" disabled={action.busy} onPick={(files) => files[0] !== undefined && verify(files[0])} />
      </Stack>
      {action.error !== null && <ErrorAlert title={t('pkg.verify.failed')} error={action.error} />}
      {result !== null && report !== null && (
        <Stack sx={{ gap: 1 }} data-testid="pkg-verify-result" data-ok={report.ok} data-signature={report.signature}>
          <Alert severity={report.ok ? 'success' : 'error'} action={<Chip size="small" label={t(`pkg.verify.signature.${report.signature}`)} />}>
            {report.ok ? t('pkg.verify.ok', { file: result.file }) : t('pkg.verify.bad', { file: result.file, count: errors })}
          </Alert>
          {m !== null && (
            <Typography variant="body2">
              {t('pkg.verify.manifest', { bank: m.bank.name, unit: m.unit.name, code: m.unit.code, period: m.period, scheme: `${m.run.schemeName}（${m.run.schemeCode} v${m.run.schemeVersion}）`, at: m.generatedAt, by: m.generatedBy.user })}
            </Typography>
          )}
          {report.problems.length > 0 && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('pkg.problem.file')}</TableCell>
                  <TableCell>{t('pkg.problem.what')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.problems.map((p, i) => (
                  <TableRow key={i} data-testid="pkg-problem" data-file={p.file ?? ''} data-code={p.code} data-level={p.level}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{p.file ?? t('pkg.problem.package')}</TableCell>
                    <TableCell sx={{ color: p.level === 'error' ? 'error.main' : 'warning.main' }}>{pickText(p.message, locale)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {report.files.length > 0 && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('pkg.file.path')}</TableCell>
                  <TableCell align="right">{t('pkg.file.bytes')}</TableCell>
                  <TableCell align="right">{t('pkg.file.rows')}</TableCell>
                  <TableCell>{t('pkg.file.ok')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.files.map((f) => (
                  <TableRow key={f.path} data-testid="pkg-verified-file" data-file={f.path} data-ok={f.ok}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{f.path}</TableCell>
                    <TableCell align="right">{f.bytes.toLocaleString()}</TableCell>
                    <TableCell align="right">{f.rows ?? '—'}</TableCell>
                    <TableCell sx={{ color: f.ok ? 'success.main' : 'error.main' }}>{t(f.ok ? 'pkg.file.good' : 'pkg.file.bad')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      )}
    </Paper>
  );
}
