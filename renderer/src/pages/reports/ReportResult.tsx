import type { ReactNode } from 'react';
import { useEffect } from 'react';
import type { ReportTable } from '../../../../shared/reports/report.js';
import type { PageState } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { ReportRequest } from './report-request.js';

/** Reads the report asked for and reports its state up, so the page's `data-state` covers the table too. */
export function ReportResult(props: { request: ReportRequest; onState: (s: PageState) => void; render: (table: ReportTable) => ReactNode }) {
  const { onState } = props;
  const report = useApiQuery('reports.view', props.request);
  useEffect(() => onState(report.state), [report.state, onState]);
  if (report.state === 'error') return <ErrorAlert error={report.error} onRetry={report.reload} />;
  if (report.state === 'loading') return null;
  return <>{props.render(report.value)}</>;
}
