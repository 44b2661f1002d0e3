import { Chip, List, ListItemButton, ListItemText, Paper, Typography } from '@mui/material';
import { useMemo } from 'react';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useT } from '../../i18n/I18nProvider.js';
import { orgLevelKey } from '../../i18n/labels.js';
import { flattenOrgTree } from './org-tree.js';

/** The org tree as an indented list; choosing a unit narrows the roster to that unit and below. */
export function OrgTreeList(props: {
  units: readonly OrgUnit[];
  managerCounts: ReadonlyMap<number, number>;
  selected: number | null;
  onSelect: (id: number | null) => void;
}) {
  const t = useT();
  const { units, managerCounts, selected, onSelect } = props;
  const rows = useMemo(() => flattenOrgTree(units), [units]);
  return (
    <Paper variant="outlined" sx={{ py: 1 }}>
      <Typography variant="h3" component="h2" sx={{ px: 2, py: 1 }}>
        {t('managers.orgTitle')}
      </Typography>
      <List dense data-testid="org-tree" sx={{ maxHeight: '70vh', overflowY: 'auto' }}>
        <ListItemButton selected={selected === null} onClick={() => onSelect(null)} data-testid="org-unit-all">
          <ListItemText primary={t('managers.allUnits')} />
        </ListItemButton>
        {rows.map(({ unit, depth }) => (
          <ListItemButton
            key={unit.id}
            selected={selected === unit.id}
            onClick={() => onSelect(unit.id)}
            data-testid={`org-unit-${unit.id}`}
            data-level={unit.level}
            sx={{ pl: 2 + depth * 2, gap: 1 }}
          >
            <ListItemText primary={unit.name} secondary={unit.code} />
            <Chip size="small" variant="outlined" label={t(orgLevelKey(unit.level))} />
            {(managerCounts.get(unit.id) ?? 0) > 0 && (
              <Chip size="small" color="primary" label={managerCounts.get(unit.id)} />
            )}
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}
