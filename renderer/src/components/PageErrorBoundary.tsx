import { Component } from 'react';
import type { ReactNode } from 'react';
import type { PageKey } from '../routing/routes.js';
import { thrownToError } from '../api/query-state.js';
import { useT } from '../i18n/I18nProvider.js';
import { ErrorAlert } from './ErrorAlert.js';
import { PageRoot } from './PageRoot.js';

interface Props {
  page: PageKey;
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
}

/** A bug in one page shows an error on that page (with its markers) instead of blanking the whole app. */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) return <CrashedPage page={this.props.page} error={this.state.error} />;
    return this.props.children;
  }
}

function CrashedPage(props: { page: PageKey; error: unknown }) {
  const t = useT();
  return (
    <PageRoot page={props.page} state="error">
      <ErrorAlert title={t('app.pageCrashed')} error={thrownToError(props.error)} />
    </PageRoot>
  );
}
