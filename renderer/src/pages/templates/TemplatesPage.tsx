import { Button, Dialog, DialogActions, DialogContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider.js';
import { combineStates } from '../../api/query-state.js';
import type { PageState } from '../../api/query-state.js';
import { useAction } from '../../api/useAction.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { TemplateEditor } from './TemplateEditor.js';
import { UploadTemplate } from './UploadTemplate.js';

/**
 * 报表模板 (docs/report-templates.md): the templates the caller may fill, upload, and the chosen one's editor
 * (grid, mappings, fill). The page is `loading` while the list or the editor's reads are pending.
 */
export function TemplatesPage() {
  const t = useT();
  const api = useApi();
  const list = useApiQuery('templates.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [editorState, setEditorState] = useState<PageState>('ready');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useAction();
  const templates = list.latest ?? [];
  const current = templates.find((x) => x.id === selected) ?? templates[0] ?? null;
  const state = combineStates(list.state, current === null ? 'ready' : editorState, remove.busy ? 'loading' : 'ready');

  return (
    <PageRoot
      page="templates"
      state={state}
      actions={
        <UploadTemplate
          onUploaded={(info) => {
            setSelected(info.id);
            list.reload();
          }}
        />
      }
    >
      <Typography sx={{ color: 'text.secondary', maxWidth: '100ch' }}>{t('templates.intro')}</Typography>
      {list.state === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.state === 'ready' && templates.length === 0 && (
        <Typography data-testid="templates-empty" sx={{ py: 2 }}>
          {t('templates.none')}
        </Typography>
      )}
      {current !== null && (
        <>
          <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              select
              size="small"
              label={t('templates.template')}
              value={current.id}
              onChange={(e) => setSelected(Number(e.target.value))}
              sx={{ minWidth: 280 }}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'templates-select' } as object } }}
            >
              {templates.map((x) => (
                <MenuItem key={x.id} value={x.id} data-testid={`templates-option-${x.id}`}>
                  {x.name}
                </MenuItem>
              ))}
            </TextField>
            <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="templates-meta">
              {t('templates.meta', { file: current.fileName, version: current.version, mappings: current.mappings, by: current.updatedBy, at: new Date(current.updatedAt).toLocaleString() })} ·{' '}
              {current.ownerUnitName === null ? t('templates.owner.all') : t('templates.owner.unit', { unit: current.ownerUnitName })}
            </Typography>
            {current.editable && (
              <Button color="error" size="small" onClick={() => setConfirmDelete(true)} data-testid="templates-delete">
                {t('templates.delete')}
              </Button>
            )}
          </Stack>
          {remove.error !== null && <ErrorAlert title={t('templates.deleteFailed')} error={remove.error} />}
          <TemplateEditor key={current.id} template={current} onState={setEditorState} onSaved={list.reload} />
          <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)}>
            <DialogContent>{t('templates.deleteConfirm', { name: current.name })}</DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirmDelete(false)}>{t('templates.picker.cancel')}</Button>
              <Button
                color="error"
                data-testid="templates-delete-confirm"
                onClick={() => {
                  setConfirmDelete(false);
                  void remove.run(
                    () => api.call('templates.delete', { id: current.id }),
                    () => {
                      setSelected(null);
                      list.reload();
                    },
                  );
                }}
              >
                {t('templates.delete')}
              </Button>
            </DialogActions>
          </Dialog>
        </>
      )}
    </PageRoot>
  );
}
