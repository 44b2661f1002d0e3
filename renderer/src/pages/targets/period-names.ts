import { useT } from '../../i18n/I18nProvider.js';
import { periodLabel } from './grid-view.js';

/** A period as column headers and titles show it: 全年 / Q1 / 1月. */
export function usePeriodName(): (period: string) => string {
  const t = useT();
  return (period) => {
    const l = periodLabel(period);
    if (l.kind === 'year') return t('targets.col.year');
    return l.kind === 'quarter' ? t('targets.progress.quarter', { q: l.q }) : t('targets.col.month', { m: l.m });
  };
}
