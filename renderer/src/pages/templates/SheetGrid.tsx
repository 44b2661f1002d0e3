import { Box, Typography } from '@mui/material';
import type { ReportCatalogEntry } from '../../../../shared/reports/catalog.js';
import type { TemplateMapping } from '../../../../shared/reports/template.js';
import type { GridModel } from './template-grid.js';
import { columnHeaders, figureLabel } from './template-grid.js';

const ANCHOR = '#bbdefb';
const AREA = '#e3f2fd';
const border = '1px solid #d0d7de';

/**
 * A sheet's first rows and columns as a spreadsheet-like table: column letters, row numbers, the template's own
 * text, merged ranges as one cell, mapped cells coloured with their figure. Clicking a cell asks to map it (a cell
 * inside a spill's block opens the spill).
 */
export function SheetGrid(props: {
  model: GridModel;
  mappings: readonly TemplateMapping[];
  catalog: readonly ReportCatalogEntry[];
  lang: 'zh' | 'en';
  onPick: ((ref: string) => void) | null;
}) {
  const { model, mappings, catalog, lang, onPick } = props;
  return (
    <Box sx={{ overflow: 'auto', maxHeight: 560, border, borderRadius: 1 }} data-testid="templates-grid">
      <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: 13, '& td, & th': { border, px: 0.75, py: 0.25, whiteSpace: 'nowrap' } }}>
        <thead>
          <tr>
            <Box component="th" sx={{ bgcolor: 'grey.100', position: 'sticky', top: 0, left: 0, zIndex: 2 }} />
            {columnHeaders(model.cols).map((h) => (
              <Box component="th" key={h} sx={{ bgcolor: 'grey.100', position: 'sticky', top: 0, zIndex: 1, minWidth: 72, fontWeight: 500, color: 'text.secondary' }}>
                {h}
              </Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.cells.map((line, r) => (
            <tr key={r}>
              <Box component="th" sx={{ bgcolor: 'grey.100', position: 'sticky', left: 0, zIndex: 1, fontWeight: 500, color: 'text.secondary', textAlign: 'right' }}>
                {r + 1}
              </Box>
              {line.map((cell) => {
                if (cell.covered) return null;
                const mapping = cell.mapped === null ? undefined : mappings[cell.mapped.index];
                const label = mapping !== undefined && cell.mapped?.role === 'anchor' ? figureLabel(mapping.figure, catalog, lang) : null;
                return (
                  <Box
                    component="td"
                    key={cell.ref}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    data-testid={`templates-cell-${cell.ref}`}
                    data-mapped={cell.mapped?.role ?? ''}
                    title={label ?? cell.text}
                    onClick={onPick === null ? undefined : () => onPick(cell.mapped?.role === 'area' && mapping !== undefined ? mapping.cell : cell.ref)}
                    sx={{
                      cursor: onPick === null ? 'default' : 'pointer',
                      bgcolor: cell.mapped === null ? undefined : cell.mapped.role === 'anchor' ? ANCHOR : AREA,
                      maxWidth: 220,
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      verticalAlign: 'top',
                      '&:hover': onPick === null ? undefined : { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
                    }}
                  >
                    {cell.text !== '' ? cell.text : cell.formula ? <Typography component="span" sx={{ color: 'text.disabled', fontStyle: 'italic', fontSize: 12 }}>ƒx</Typography> : null}
                    {label !== null && (
                      <Typography component="div" sx={{ fontSize: 11, color: 'primary.dark', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid={`templates-cell-label-${cell.ref}`}>
                        {label}
                      </Typography>
                    )}
                  </Box>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
