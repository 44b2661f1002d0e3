import { Alert, Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { SchemeVersionInfo } from '../../../../shared/api/ops/evaluation.js';
import { useT } from '../../i18n/I18nProvider.js';

/** 方案版本: every version of every scheme (newest version first within a code), each editable as the next version. */
export function SchemeVersions(props: { versions: readonly SchemeVersionInfo[]; editingId: number | null; onEdit: (v: SchemeVersionInfo) => void }) {
  const t = useT();
  if (props.versions.length === 0) return <Alert severity="info">{t('eval.schemes.empty')}</Alert>;
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 300 }}>
      <Table size="small" stickyHeader data-testid="eval-scheme-versions">
        <TableHead>
          <TableRow>
            <TableCell>{t('eval.scheme.code')}</TableCell>
            <TableCell>{t('eval.schemes.version')}</TableCell>
            <TableCell>{t('eval.scheme.name')}</TableCell>
            <TableCell>{t('eval.scheme.periodType')}</TableCell>
            <TableCell>{t('eval.schemes.validFrom')}</TableCell>
            <TableCell align="right">{t('eval.schemes.items')}</TableCell>
            <TableCell>{t('eval.schemes.by')}</TableCell>
            <TableCell>{t('eval.save.note')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {props.versions.map((v) => (
            <TableRow key={v.id} selected={v.id === props.editingId} data-testid="eval-scheme-version" data-code={v.code} data-version={v.version} data-valid-from={v.validFrom}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{v.code}</TableCell>
              <TableCell>v{v.version}</TableCell>
              <TableCell>{v.name}</TableCell>
              <TableCell>{t(`eval.periodType.${v.periodType}`)}</TableCell>
              <TableCell>{v.validFrom}</TableCell>
              <TableCell align="right">{v.scheme.items.length}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {v.createdBy} · {v.createdAt.slice(0, 16).replace('T', ' ')}
              </TableCell>
              <TableCell>{v.note ?? ''}</TableCell>
              <TableCell padding="none" sx={{ pr: 1 }}>
                <Button size="small" onClick={() => props.onEdit(v)} data-testid="eval-scheme-edit">
                  {t('eval.schemes.edit')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
