import type { OpInput } from '../../../../shared/api/index.js';
import { useApi } from '../../api/ApiProvider.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { useT } from '../../i18n/I18nProvider.js';

/** Downloads the full error list (every row, not just those shown) as an .xlsx workbook. */
export function ExportErrorsButton(props: { input: OpInput<'import.errorsExport'>; testId: string }) {
  const t = useT();
  const api = useApi();
  return (
    <DownloadButton label={t('import.exportErrors')} failedTitle={t('import.exportErrorsFailed')} testId={props.testId} fetch={() => api.call('import.errorsExport', props.input)} />
  );
}
