import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReportCatalogEntry } from '../../../../shared/reports/catalog.js';
import type { TemplateMapping } from '../../../../shared/reports/template.js';
import { useT } from '../../i18n/I18nProvider.js';
import { figureLabel } from './template-grid.js';

/** Every mapping of the template (all sheets) as a list: the cell, its figure, remove. */
export function MappingList(props: {
  mappings: readonly TemplateMapping[];
  catalog: readonly ReportCatalogEntry[];
  lang: 'zh' | 'en';
  onRemove: ((m: TemplateMapping) => void) | null;
  onShow: (m: TemplateMapping) => void;
}) {
  const t = useT();
  const { mappings, onRemove } = props;
  return (
    <>
      <Typography variant="h2" sx={{ fontSize: 16, mt: 1 }}>
        {t('templates.mappings')}
      </Typography>
      {mappings.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }} data-testid="templates-mappings-empty">
          {t('templates.mappings.empty')}
        </Typography>
      ) : (
        <Table size="small" data-testid="templates-mappings" sx={{ maxWidth: 900 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('templates.col.cell')}</TableCell>
              <TableCell>{t('templates.col.figure')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {mappings.map((m) => (
              <TableRow key={`${m.sheet}!${m.cell}`} data-testid={`templates-mapping-${m.sheet}!${m.cell}`} hover onClick={() => props.onShow(m)} sx={{ cursor: 'pointer' }}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {m.sheet}!{m.cell}
                </TableCell>
                <TableCell>{figureLabel(m.figure, props.catalog, props.lang)}</TableCell>
                <TableCell align="right">
                  {onRemove !== null && (
                    <Button
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        onRemove(m);
                      }}
                    >
                      {t('templates.remove')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
