import { Button, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { ChipProps } from '@mui/material';
import type { Manager, ManagerStatus } from '../../../../shared/model/manager.js';
import { useT } from '../../i18n/I18nProvider.js';
import { gradeKey, managerStatusKey, managerTypeKey } from '../../i18n/labels.js';

const STATUS_COLOR: Record<ManagerStatus, ChipProps['color']> = {
  active: 'success',
  leave: 'warning',
  transferred: 'info',
  departed: 'default',
};

export function RosterTable(props: { managers: readonly Manager[]; orgUnitName: (id: number) => string; onChange?: (m: Manager) => void }) {
  const t = useT();
  const { managers, orgUnitName } = props;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="managers-table" aria-label={t('managers.rosterTitle')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('managers.col.staffNo')}</TableCell>
            <TableCell>{t('managers.col.name')}</TableCell>
            <TableCell>{t('managers.col.orgUnit')}</TableCell>
            <TableCell>{t('managers.col.grade')}</TableCell>
            <TableCell>{t('managers.col.type')}</TableCell>
            <TableCell>{t('managers.col.status')}</TableCell>
            <TableCell align="right">{t('managers.col.maxClients')}</TableCell>
            <TableCell>{t('managers.col.since')}</TableCell>
            {props.onChange !== undefined && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {managers.map((m) => (
            <TableRow key={m.id} hover data-testid="manager-row" data-staff-no={m.staffNo}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{m.staffNo}</TableCell>
              <TableCell>{m.name}</TableCell>
              <TableCell>{orgUnitName(m.orgUnitId)}</TableCell>
              <TableCell>{t(gradeKey(m.grade))}</TableCell>
              <TableCell>{t(managerTypeKey(m.type))}</TableCell>
              <TableCell>
                <Chip size="small" color={STATUS_COLOR[m.status]} label={t(managerStatusKey(m.status))} />
              </TableCell>
              <TableCell align="right" title={t('managers.vipCap', { vip: m.capacity.maxVipClients })}>
                {m.capacity.maxClients}
                {m.capacity.isDefault ? ` ${t('managers.capDefault')}` : ''}
              </TableCell>
              <TableCell>{m.since}</TableCell>
              {props.onChange !== undefined && (
                <TableCell padding="none">
                  <Button size="small" onClick={() => props.onChange?.(m)} data-testid="manager-change">
                    {t('roster.change')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
