import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Chip, Collapse, IconButton, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import type { AuditEntryView, JsonValue } from '../../../../shared/api/ops/audit.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { entityText, formatAuditTime, hasDetails, outcomeKey, prettyJson, roleLabel } from './audit-view.js';

const OUTCOME_COLOR = { ok: 'success', denied: 'warning', failed: 'error' } as const;
const COLUMNS = 7;

/** The entries of one page; a row with detail, before or after opens to show them as JSON. */
export function AuditTable(props: { rows: readonly AuditEntryView[] }) {
  const t = useT();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <TableContainer>
      <Table size="small" data-testid="audit-table">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{t('audit.col.time')}</TableCell>
            <TableCell>{t('audit.col.user')}</TableCell>
            <TableCell>{t('audit.col.role')}</TableCell>
            <TableCell>{t('audit.col.action')}</TableCell>
            <TableCell>{t('audit.col.outcome')}</TableCell>
            <TableCell>{t('audit.col.entity')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((r) => (
            <Fragment key={r.id}>
              <TableRow data-testid="audit-row" data-audit-id={r.id} data-outcome={r.outcome}>
                <TableCell padding="checkbox">
                  {hasDetails(r) && (
                    <IconButton size="small" aria-label={t('audit.expand')} aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)} data-testid={`audit-expand-${r.id}`}>
                      {open === r.id ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                    </IconButton>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} title={r.at}>
                  {formatAuditTime(r.at)}
                </TableCell>
                <TableCell>{r.username}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{roleLabel(r.role, t)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{r.action}</TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" color={OUTCOME_COLOR[r.outcome]} label={t(outcomeKey(r.outcome))} />
                </TableCell>
                <TableCell sx={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{entityText(r)}</TableCell>
              </TableRow>
              {hasDetails(r) && (
                <TableRow>
                  <TableCell colSpan={COLUMNS} sx={{ py: 0, borderBottom: open === r.id ? undefined : 'none' }}>
                    <Collapse in={open === r.id} unmountOnExit>
                      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: 2, py: 1 }} data-testid={`audit-details-${r.id}`}>
                        <JsonBlock title="audit.detail" value={r.detail} />
                        <JsonBlock title="audit.before" value={r.before} />
                        <JsonBlock title="audit.after" value={r.after} />
                      </Box>
                      <Typography variant="caption" sx={{ color: 'text.secondary', wordBreak: 'break-all', display: 'block', pb: 1 }}>
                        {t('audit.hash')}: {r.hash}
                      </Typography>
                    </Collapse>
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function JsonBlock(props: { title: MessageKey; value: JsonValue | null }) {
  const t = useT();
  if (props.value === null) return null;
  return (
    <Box>
      <Typography variant="subtitle2">{t(props.title)}</Typography>
      <Box component="pre" sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, overflow: 'auto', maxHeight: 320, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {prettyJson(props.value)}
      </Box>
    </Box>
  );
}
