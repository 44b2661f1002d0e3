import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { AuditFiltersBar } from './AuditFiltersBar.js';
import { AuditTable } from './AuditTable.js';
import { EMPTY_AUDIT_FORM, auditPageInput, auditPageNumber, filtersOf, firstAuditPage, newerPage, olderPage } from './audit-view.js';
import { VerifyChainButton, VerifyChainResult, useVerifyChain } from './VerifyChain.js';

/** 审计日志 (administrators): the log with filters and paging, chain verification and export of what is shown. */
export function AuditCard() {
  const t = useT();
  const api = useApi();
  const [form, setForm] = useState(EMPTY_AUDIT_FORM);
  const [paging, setPaging] = useState(() => firstAuditPage({}));
  const query = useApiQuery('audit.list', auditPageInput(paging));
  const verify = useVerifyChain();
  // Keep the last page on screen while the next one loads, so the table does not flash empty.
  const page = query.state === 'ready' ? query.value : query.latest;
  return (
    <Card data-testid="audit-card" data-state={query.state}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h2">{t('audit.title')}</Typography>
        <Typography sx={{ color: 'text.secondary', maxWidth: '80ch' }}>{t('audit.intro')}</Typography>
        <AuditFiltersBar
          form={form}
          onChange={setForm}
          onApply={() => setPaging(firstAuditPage(filtersOf(form)))}
          onClear={() => {
            setForm(EMPTY_AUDIT_FORM);
            setPaging(firstAuditPage({}));
          }}
        />
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <VerifyChainButton state={verify.state} onRun={verify.run} />
          <DownloadButton label={t('audit.export')} failedTitle={t('audit.exportFailed')} testId="audit-export" fetch={() => api.call('audit.export', { filters: paging.filters })} />
        </Stack>
        <VerifyChainResult state={verify.state} onDismiss={verify.dismiss} />
        <Typography variant="caption" sx={{ color: 'text.secondary', maxWidth: '80ch' }}>
          {t('audit.verifyNote')}
        </Typography>
        {query.state === 'error' && <ErrorAlert title={t('audit.loadFailed')} error={query.error} onRetry={query.reload} />}
        {page !== null && page.rows.length === 0 && (
          <Typography sx={{ color: 'text.secondary' }} data-testid="audit-empty">
            {t('audit.empty')}
          </Typography>
        )}
        {page !== null && page.rows.length > 0 && <AuditTable rows={page.rows} />}
        {page !== null && (paging.befores.length > 0 || page.nextCursor !== null) && (
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
            <Button startIcon={<NavigateBeforeIcon />} disabled={paging.befores.length === 0} onClick={() => setPaging(newerPage(paging))} data-testid="audit-newer">
              {t('audit.newer')}
            </Button>
            <Typography sx={{ color: 'text.secondary' }} data-testid="audit-page">
              {t('audit.page', { page: auditPageNumber(paging) })}
            </Typography>
            <Button
              endIcon={<NavigateNextIcon />}
              disabled={query.state !== 'ready' || page.nextCursor === null}
              onClick={() => setPaging(olderPage(paging, page.nextCursor))}
              data-testid="audit-older"
            >
              {t('audit.older')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
