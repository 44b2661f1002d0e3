import { Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { combineStates } from '../../api/query-state.js';
import type { PageState } from '../../api/query-state.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { BuildPanel } from './BuildPanel.js';
import { ConsolidatePanel } from './ConsolidatePanel.js';
import { KeyPanel } from './KeyPanel.js';
import type { LoadedKey } from './KeyPanel.js';
import { VerifyPanel } from './VerifyPanel.js';

type Part = 'build' | 'verify' | 'consolidate';

/**
 * 上报包 / 汇总 (docs/export-package.md): build a run's head-office package, verify a package file, and consolidate
 * packages of lower units. Each part reports its state; the page is `ready` only when all three are.
 */
export function PackagePage() {
  const t = useT();
  const [keyFile, setKeyFile] = useState<LoadedKey | null>(null);
  const [states, setStates] = useState<Record<Part, PageState>>({ build: 'loading', verify: 'ready', consolidate: 'loading' });
  const reporter = useCallback((part: Part) => (s: PageState) => setStates((prev) => (prev[part] === s ? prev : { ...prev, [part]: s })), []);
  const [onBuild] = useState(() => reporter('build'));
  const [onVerify] = useState(() => reporter('verify'));
  const [onConsolidate] = useState(() => reporter('consolidate'));
  return (
    <PageRoot page="package" state={combineStates(states.build, states.verify, states.consolidate)}>
      <Typography sx={{ color: 'text.secondary' }}>{t('pkg.intro')}</Typography>
      <KeyPanel loaded={keyFile} onLoad={setKeyFile} />
      <BuildPanel keyFile={keyFile} onState={onBuild} />
      <VerifyPanel keyFile={keyFile} onState={onVerify} />
      <ConsolidatePanel keyFile={keyFile} onState={onConsolidate} />
    </PageRoot>
  );
}
