import { useMemo } from 'react';
import { useApiQuery } from '../../api/useApiQuery.js';

export interface Directory {
  orgUnitName(id: number | null): string | null;
  managerName(id: number | null): string | null;
}

function lookup(names: ReadonlyMap<number, string>) {
  return (id: number | null): string | null => (id === null ? null : (names.get(id) ?? `#${id}`));
}

/**
 * Names for the ids in client rows. A client manager's role may not read the org tree or roster;
 * then the ids are shown as they are rather than failing the whole list.
 */
export function useDirectory(): Directory {
  const org = useApiQuery('org.tree', {});
  const managers = useApiQuery('managers.list', {});
  const orgValue = org.state === 'ready' ? org.value : null;
  const managerValue = managers.state === 'ready' ? managers.value : null;
  return useMemo(
    () => ({
      orgUnitName: lookup(new Map((orgValue ?? []).map((u) => [u.id, u.name]))),
      managerName: lookup(new Map((managerValue ?? []).map((m) => [m.id, m.name]))),
    }),
    [orgValue, managerValue],
  );
}
