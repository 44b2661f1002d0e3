import { Drawer, List, ListItemButton, ListItemIcon, ListItemText, Toolbar } from '@mui/material';
import AssessmentIcon from '@mui/icons-material/Assessment';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import BadgeIcon from '@mui/icons-material/Badge';
import DashboardIcon from '@mui/icons-material/Dashboard';
import DonutSmallIcon from '@mui/icons-material/DonutSmall';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PeopleIcon from '@mui/icons-material/People';
import SettingsIcon from '@mui/icons-material/Settings';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import SummarizeIcon from '@mui/icons-material/Summarize';
import TableChartIcon from '@mui/icons-material/TableChart';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import ArchiveIcon from '@mui/icons-material/Archive';
import type { ReactElement } from 'react';
import { navKey } from '../components/PageRoot.js';
import { useT } from '../i18n/I18nProvider.js';
import { hrefFor, pagesFor } from '../routing/routes.js';
import { useAuth } from '../auth/AuthGate.js';
import type { PageKey } from '../routing/routes.js';
import { DRAWER_WIDTH } from './theme.js';

const ICONS: Record<PageKey, ReactElement> = {
  dashboard: <DashboardIcon />,
  clients: <PeopleIcon />,
  segments: <DonutSmallIcon />,
  managers: <BadgeIcon />,
  assignment: <AssignmentIndIcon />,
  coverage: <FactCheckIcon />,
  handover: <SwapHorizIcon />,
  targets: <TrackChangesIcon />,
  tasks: <TaskAltIcon />,
  worklog: <EventNoteIcon />,
  evaluation: <AssessmentIcon />,
  reports: <SummarizeIcon />,
  templates: <TableChartIcon />,
  package: <ArchiveIcon />,
  import: <UploadFileIcon />,
  settings: <SettingsIcon />,
};

export function NavDrawer(props: { current: PageKey }) {
  const t = useT();
  const { role } = useAuth().user;
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
      }}
    >
      <Toolbar />
      <List component="nav" aria-label={t('app.navigation')} sx={{ pt: 1.5 }}>
        {pagesFor(role).map((page) => {
          const selected = page === props.current;
          return (
            <ListItemButton
              key={page}
              component="a"
              href={hrefFor(page)}
              selected={selected}
              aria-current={selected ? 'page' : undefined}
              data-testid={`nav-${page}`}
              sx={{ mx: 1, borderRadius: 1, mb: 0.25 }}
            >
              <ListItemIcon sx={{ minWidth: 36, color: selected ? 'primary.main' : undefined }}>{ICONS[page]}</ListItemIcon>
              <ListItemText primary={t(navKey(page))} />
            </ListItemButton>
          );
        })}
      </List>
    </Drawer>
  );
}
