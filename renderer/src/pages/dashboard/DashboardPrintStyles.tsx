import { GlobalStyles } from '@mui/material';

/**
 * How the dashboard prints (Ctrl+P, or 打印): A4 landscape, no navigation, top bar or buttons, black on white,
 * the wide screen's columns, cards kept whole, charts in black and grey with their hatching (so "behind" and "bottom" still read without
 * colour) and every value label kept. Mounted only while the dashboard is shown, so other pages print as before.
 */
export function DashboardPrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          '@page': { size: 'A4 landscape', margin: '10mm' },
          'html, body, #root': { background: '#ffffff !important' },
          '.MuiDrawer-root, .MuiAppBar-root, header, nav, .bw-no-print, main > .MuiToolbar-root': { display: 'none !important' },
          'main, [data-testid="page-dashboard"]': { padding: '0 !important', margin: '0 !important' },
          '[data-testid="page-dashboard"] *': { color: '#000000 !important', boxShadow: 'none !important' },
          '[data-testid="page-dashboard"] .MuiCard-root, [data-testid="page-dashboard"] .MuiAlert-root': { border: '0.6pt solid #000000 !important', background: '#ffffff !important' },
          '.bw-dash-card': { breakInside: 'avoid', pageBreakInside: 'avoid' },
          '.bw-print-only': { display: 'block !important' },
          // The page is narrower than a wide screen: keep the wide screen's columns rather than stacking the cards.
          '.bw-print-7': { flex: '0 0 auto !important', width: 'calc(58.333% - 16px * 5 / 12) !important', maxWidth: 'none !important' },
          '.bw-print-5': { flex: '0 0 auto !important', width: 'calc(41.667% - 16px * 7 / 12) !important', maxWidth: 'none !important' },
          '.bw-print-4': { flex: '0 0 auto !important', width: 'calc(33.333% - 16px * 2 / 3) !important', maxWidth: 'none !important' },
          '.bw-chart svg': { maxHeight: 'none !important' },
          '.bw-chart text, .bw-chart tspan': { fill: '#000000 !important' },
          '.bw-chart .bw-value-inside': { fill: '#ffffff !important' },
          '.bw-chart .bw-fill-ahead': { fill: '#404040 !important', stroke: 'none !important' },
          '.bw-chart .bw-fill-neutral, .bw-chart .bw-track': { fill: '#ffffff !important', stroke: '#000000 !important', strokeWidth: '0.5px' },
          '.bw-chart .bw-fill-behind': { stroke: '#000000 !important' },
          '.bw-chart .bw-hatch-line': { stroke: '#000000 !important' },
          '.bw-chart .bw-hatch-ground': { fill: '#ffffff !important' },
          '.bw-chart .bw-grid': { stroke: '#9e9e9e !important' },
          '.bw-chart .bw-marker line, .bw-chart .bw-marker path, .bw-chart .bw-reference line': { stroke: '#000000 !important', fill: '#000000 !important' },
          '.bw-chart .bw-rest': { stroke: '#000000 !important' },
        },
      }}
    />
  );
}
