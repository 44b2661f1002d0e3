import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { DemoReport } from '../../../shared/api/ops/demo.js';
import type { AppInfo } from '../../../shared/api/ops/system.js';
import type { JobState, JobStore } from '../api/long-job.js';

interface ShellValue {
  info: AppInfo;
  demoJob: JobStore<DemoReport>;
}

const ShellContext = createContext<ShellValue | null>(null);

export function ShellProvider(props: ShellValue & { children: ReactNode }) {
  const { info, demoJob, children } = props;
  return <ShellContext.Provider value={{ info, demoJob }}>{children}</ShellContext.Provider>;
}

function useShell(): ShellValue {
  const value = useContext(ShellContext);
  if (value === null) throw new Error('useShell outside <ShellProvider>');
  return value;
}

export function useAppInfo(): AppInfo {
  return useShell().info;
}

export function useDemoJob(): { job: JobStore<DemoReport>; state: JobState<DemoReport> } {
  const job = useShell().demoJob;
  const state = useSyncExternalStore(job.subscribe, job.getSnapshot);
  return { job, state };
}
