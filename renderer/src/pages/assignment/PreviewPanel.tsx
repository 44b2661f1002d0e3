import { Stack } from '@mui/material';
import { useMemo } from 'react';
import type { AssignmentPreview } from '../../../../shared/assignment/rules.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ManagerPreviewTable } from './ManagerPreviewTable.js';
import { MovesTable } from './MovesTable.js';
import { PoolBands } from './PoolBands.js';
import { PreviewVerdict } from './PreviewVerdict.js';
import { managerRows } from './preview-view.js';

/** 预览: the verdict, the pools' bands, every manager before and after, and the moves. */
export function PreviewPanel(props: { preview: AssignmentPreview; units: readonly OrgUnit[] }) {
  const { preview, units } = props;
  // Names as the roster stood on the plan's date: a manager transferred since still shows under the old outlet.
  const roster = useApiQuery('managers.list', { asOf: preview.asOf });
  const rosterValue = roster.latest;
  const rows = useMemo(() => managerRows(preview, rosterValue ?? [], units), [preview, rosterValue, units]);
  return (
    <Stack sx={{ gap: 2 }}>
      <PreviewVerdict preview={preview} />
      <PoolBands pools={preview.pools} units={units} />
      <ManagerPreviewTable rows={rows} />
      <MovesTable moves={preview.moves} managers={rows} />
    </Stack>
  );
}
