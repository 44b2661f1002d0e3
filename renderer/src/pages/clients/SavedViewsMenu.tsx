import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, IconButton, ListItemText, Menu, MenuItem, TextField } from '@mui/material';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { ClientFilters } from '../../../../shared/model/client-filters.js';
import { isFiltered } from '../../../../shared/model/client-filters.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';

/** 常用筛选: apply, save and delete named views of the client list. */
export function SavedViewsMenu(props: { filters: ClientFilters; onApply: (f: ClientFilters) => void }) {
  const t = useT();
  const api = useApi();
  const views = useApiQuery('clients.views', {});
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const list = views.state === 'ready' ? views.value : [];

  const save = (): void => {
    api.call('clients.saveView', { name: name.trim(), filters: props.filters }).then(
      (r) => {
        if (r.ok) {
          setNaming(false);
          setName('');
          views.reload();
        } else setError(r.error);
      },
      (e: unknown) => setError({ code: 'INTERNAL', message: String(e) }),
    );
  };
  const remove = (id: number): void => {
    void api.call('clients.deleteView', { id }).then(() => views.reload());
  };

  return (
    <>
      <Button size="small" variant="outlined" onClick={(e) => setAnchor(e.currentTarget)} data-testid="views-menu">
        {t('clients.views.menu')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {list.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary={t('clients.views.none')} />
          </MenuItem>
        )}
        {list.map((v) => (
          <MenuItem
            key={v.id}
            data-testid="view-item"
            data-view-name={v.name}
            onClick={() => {
              props.onApply(v.filters);
              setAnchor(null);
            }}
          >
            <ListItemText primary={v.name} />
            <IconButton
              size="small"
              edge="end"
              aria-label={t('clients.views.delete')}
              onClick={(e) => {
                e.stopPropagation();
                remove(v.id);
              }}
            >
              <DeleteOutlinedIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          disabled={!isFiltered(props.filters)}
          data-testid="view-save"
          onClick={() => {
            setAnchor(null);
            setNaming(true);
          }}
        >
          {t('clients.views.save')}
        </MenuItem>
      </Menu>
      <Dialog open={naming} onClose={() => setNaming(false)}>
        <DialogTitle>{t('clients.views.save')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={t('clients.views.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'view-name' } }}
          />
          {error !== null && <ErrorAlert error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>{t('common.cancel')}</Button>
          <Button variant="contained" disabled={name.trim() === ''} onClick={save} data-testid="view-save-confirm">
            {t('clients.views.saveConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
