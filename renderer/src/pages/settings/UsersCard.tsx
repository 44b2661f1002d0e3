import { Button, Card, CardContent, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ROLES } from '../../../../shared/api/contract.js';
import type { Role } from '../../../../shared/api/contract.js';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { UserInfo } from '../../../../shared/api/ops/auth.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { flattenOrgTree } from '../managers/org-tree.js';

const roleKey = (r: Role): MessageKey => `auth.role.${r}`;

/** 用户管理 (administrators): accounts, their role and scope, first passwords, disabling. */
export function UsersCard() {
  const t = useT();
  const api = useApi();
  const users = useApiQuery('users.list', {});
  const [editing, setEditing] = useState<UserInfo | 'new' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = (u: UserInfo): void => {
    void api.call('users.update', { id: u.id, disabled: !u.disabled }).then((r) => (r.ok ? users.reload() : setError(r.error)));
  };
  return (
    <Card variant="outlined" data-testid="users-card">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h3" component="h2">
            {t('users.title')}
          </Typography>
          <Button size="small" variant="outlined" onClick={() => setEditing('new')} data-testid="user-add">
            {t('users.add')}
          </Button>
        </Stack>
        {error !== null && <ErrorAlert error={error} />}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('auth.username')}</TableCell>
              <TableCell>{t('auth.displayName')}</TableCell>
              <TableCell>{t('users.role')}</TableCell>
              <TableCell>{t('users.state')}</TableCell>
              <TableCell>{t('users.lastLogin')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(users.state === 'ready' ? users.value : []).map((u) => (
              <TableRow key={u.id} data-testid="user-row" data-username={u.username}>
                <TableCell>{u.username}</TableCell>
                <TableCell>{u.displayName}</TableCell>
                <TableCell>{t(roleKey(u.role))}</TableCell>
                <TableCell>
                  {u.disabled && <Chip size="small" label={t('users.disabled')} />}
                  {u.lockedUntil !== null && <Chip size="small" color="warning" label={t('users.locked')} />}
                  {u.mustChangePassword && <Chip size="small" variant="outlined" label={t('users.mustChange')} />}
                </TableCell>
                <TableCell>{u.lastLoginAt?.slice(0, 16).replace('T', ' ') ?? '—'}</TableCell>
                <TableCell padding="none">
                  <Button size="small" onClick={() => setEditing(u)}>
                    {t('users.resetPassword')}
                  </Button>
                  <Button size="small" onClick={() => toggle(u)}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      {editing !== null && <UserDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={users.reload} />}
    </Card>
  );
}

/** A new account (with its first password), or a new first password for an existing one. */
function UserDialog(props: { user: UserInfo | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const api = useApi();
  const { user, onClose, onSaved } = props;
  const org = useApiQuery('org.tree', {});
  const managers = useApiQuery('managers.list', {});
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [orgUnitId, setOrgUnitId] = useState<number | ''>('');
  const [managerId, setManagerId] = useState<number | ''>('');
  const [password, setPassword] = useState('');
  const save = () =>
    user === null
        ? api.call('users.create', {
            username,
            displayName,
            role,
            password,
            ...(role === 'supervisor' && orgUnitId !== '' ? { orgUnitId } : {}),
            ...(role === 'manager' && managerId !== '' ? { managerId } : {}),
          })
        : api.call('users.resetPassword', { id: user.id, password });
  return (
    <SaveDialog
      title={user === null ? t('users.add') : `${t('users.resetPassword')}：${user.displayName}`}
      testId="user-save"
      canSave={password !== ''}
      onClose={onClose}
      onSaved={onSaved}
      save={save}
    >
          {user === null && (
            <>
              <TextField label={t('auth.username')} value={username} onChange={(e) => setUsername(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'user-username' } }} />
              <TextField label={t('auth.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'user-display-name' } }} />
              <TextField select label={t('users.role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <MenuItem key={r} value={r}>
                    {t(roleKey(r))}
                  </MenuItem>
                ))}
              </TextField>
              {role === 'supervisor' && (
                <TextField select label={t('users.orgUnit')} value={orgUnitId} onChange={(e) => setOrgUnitId(Number(e.target.value))}>
                  {flattenOrgTree(org.state === 'ready' ? org.value : []).map(({ unit, depth }) => (
                    <MenuItem key={unit.id} value={unit.id} sx={{ pl: 2 + depth * 2 }}>
                      {unit.name}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {role === 'manager' && (
                <TextField select label={t('users.manager')} value={managerId} onChange={(e) => setManagerId(Number(e.target.value))}>
                  {(managers.state === 'ready' ? managers.value : []).map((m) => (
                    <MenuItem key={m.id} value={m.id}>
                      {m.name}（{m.staffNo}）
                    </MenuItem>
                  ))}
                </TextField>
              )}
            </>
          )}
          <TextField type="password" label={t('users.firstPassword')} helperText={t('auth.passwordRule')} value={password} onChange={(e) => setPassword(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'user-password' } }} />
    </SaveDialog>
  );
}
