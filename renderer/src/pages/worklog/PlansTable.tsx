import { Button, Card, CardContent, Chip, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import { useState } from 'react';
import type { ContactPlan, ContactPlanList } from '../../../../shared/worklog/types.js';
import { useApi } from '../../api/ApiProvider.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { PlanDialog } from './PlanDialog.js';
import { planScope } from './worklog-view.js';

type Editing = { kind: 'add' } | { kind: 'edit'; plan: ContactPlan } | { kind: 'delete'; plan: ContactPlan } | null;

/** The contact plans; supervisors and administrators add, change and remove them (the server enforces it too). */
export function PlansTable(props: { list: ContactPlanList; canEdit: boolean; onChanged: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const scopeText = (p: ContactPlan): string => {
    const s = planScope(p, locale);
    return t(s.key, { name: s.name });
  };
  return (
    <Card variant="outlined" data-testid="worklog-plans">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h3" component="h2">
            {t('worklog.plans.title')}
          </Typography>
          {props.canEdit && (
            <Button size="small" startIcon={<AddIcon />} onClick={() => setEditing({ kind: 'add' })} data-testid="worklog-plan-add">
              {t('worklog.plans.add')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {props.list.scoredAsOf === null ? t('worklog.plans.hintUnscored') : t('worklog.plans.hint', { date: props.list.scoredAsOf })}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('worklog.plans.col.scope')}</TableCell>
              <TableCell>{t('worklog.plans.col.every')}</TableCell>
              <TableCell>{t('worklog.plans.col.active')}</TableCell>
              <TableCell align="right">{t('worklog.plans.col.clients')}</TableCell>
              {props.canEdit && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.list.plans.map((p) => (
              <TableRow key={p.id} data-testid="worklog-plan-row" data-plan-id={p.id} data-every-days={p.everyDays}>
                <TableCell>{scopeText(p)}</TableCell>
                <TableCell>{t('worklog.due.everyDays', { days: p.everyDays })}</TableCell>
                <TableCell>
                  <Chip size="small" color={p.active ? 'success' : 'default'} variant="outlined" label={t(p.active ? 'worklog.plans.active' : 'worklog.plans.inactive')} />
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatCount(p.clients, locale)}
                </TableCell>
                {props.canEdit && (
                  <TableCell align="right" sx={{ py: 0, whiteSpace: 'nowrap' }}>
                    <Tooltip title={t('worklog.plans.edit')}>
                      <IconButton size="small" onClick={() => setEditing({ kind: 'edit', plan: p })} data-testid="worklog-plan-edit">
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t('worklog.plans.delete')}>
                      <IconButton size="small" onClick={() => setEditing({ kind: 'delete', plan: p })} data-testid="worklog-plan-delete">
                        <DeleteOutlinedIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      {editing?.kind === 'add' && <PlanDialog onClose={() => setEditing(null)} onSaved={props.onChanged} />}
      {editing?.kind === 'edit' && <PlanDialog plan={editing.plan} onClose={() => setEditing(null)} onSaved={props.onChanged} />}
      {editing?.kind === 'delete' && (
        <SaveDialog
          title={t('worklog.plans.delete')}
          testId="worklog-plan-delete-confirm"
          saveLabel={t('worklog.plans.delete')}
          canSave
          onClose={() => setEditing(null)}
          onSaved={props.onChanged}
          save={() => api.call('contactPlans.delete', { id: editing.plan.id })}
        >
          <Typography>{scopeText(editing.plan)}</Typography>
        </SaveDialog>
      )}
    </Card>
  );
}
