import { Chip, IconButton, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import { pickText } from '../../../../shared/i18n/locale.js';
import { CHANNEL_LABELS } from '../../../../shared/worklog/types.js';
import type { ContactEntry } from '../../../../shared/worklog/types.js';
import { useApi } from '../../api/ApiProvider.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { hrefFor } from '../../routing/routes.js';
import { shortTime } from './worklog-view.js';

const DASH = '—';

/** The log's rows; entries typed in here can be corrected or deleted, imported ones say how they are corrected. */
export function ContactsTable(props: { rows: readonly ContactEntry[]; onEdit: (e: ContactEntry) => void; onDelete: (e: ContactEntry) => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="worklog-contacts">
        <TableHead>
          <TableRow>
            <TableCell>{t('worklog.col.at')}</TableCell>
            <TableCell>{t('worklog.col.client')}</TableCell>
            <TableCell>{t('worklog.col.manager')}</TableCell>
            <TableCell>{t('worklog.col.channel')}</TableCell>
            <TableCell>{t('worklog.col.purpose')}</TableCell>
            <TableCell>{t('worklog.col.outcome')}</TableCell>
            <TableCell>{t('worklog.col.nextStep')}</TableCell>
            <TableCell>{t('worklog.col.followUp')}</TableCell>
            <TableCell>{t('worklog.col.source')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((r) => (
            <TableRow key={r.id} data-testid="worklog-contact-row" data-contact-id={r.id} data-client-no={r.clientNo}>
              <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{shortTime(r.contactAt)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Link href={hrefFor('clients', r.clientId)}>{r.clientName}</Link>
                <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.5 }}>
                  {r.clientNo}
                </Typography>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.managerName}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickText(CHANNEL_LABELS[r.channel], locale)}</TableCell>
              <TableCell>{r.purpose ?? DASH}</TableCell>
              <TableCell>{r.outcome ?? DASH}</TableCell>
              <TableCell>{r.nextStep ?? DASH}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.followUpOn ?? DASH}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {r.imported ? (
                  <Tooltip title={t('worklog.importedHint')}>
                    <Chip size="small" variant="outlined" label={t('worklog.source.imported')} />
                  </Tooltip>
                ) : (
                  <Typography variant="caption">{t('worklog.source.typed', { user: r.createdBy ?? DASH })}</Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', py: 0 }}>
                {!r.imported && (
                  <>
                    <Tooltip title={t('worklog.edit')}>
                      <IconButton size="small" onClick={() => props.onEdit(r)} data-testid="worklog-contact-edit">
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t('worklog.delete')}>
                      <IconButton size="small" onClick={() => props.onDelete(r)} data-testid="worklog-contact-delete">
                        <DeleteOutlinedIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function DeleteDialog(props: { entry: ContactEntry; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const { entry } = props;
  return (
    <SaveDialog
      title={t('worklog.delete')}
      testId="worklog-delete-confirm"
      saveLabel={t('worklog.delete')}
      canSave
      onClose={props.onClose}
      onSaved={props.onSaved}
      save={() => api.call('contacts.delete', { id: entry.id })}
    >
      <Typography>{t('worklog.deleteConfirm', { at: shortTime(entry.contactAt), client: `${entry.clientName}（${entry.clientNo}）` })}</Typography>
    </SaveDialog>
  );
}
