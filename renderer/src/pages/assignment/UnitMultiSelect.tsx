import { FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import type { SelectChangeEvent } from '@mui/material';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { flattenOrgTree } from '../managers/org-tree.js';

/**
 * Several org units by id, indented as the tree. `levels` narrows the offer (the rules' outlet filter lists outlets
 * only; the scope takes any level, subtrees included). With `anyLabel` an empty choice says what it means (全部机构);
 * without, it stays blank like the other filters beside it.
 */
export function UnitMultiSelect(props: {
  id: string;
  label: string;
  anyLabel?: string;
  units: readonly OrgUnit[];
  levels?: ReadonlyArray<OrgUnit['level']>;
  values: readonly number[];
  onChange: (ids: number[]) => void;
  width: number;
}) {
  const { id, label, anyLabel, units, levels, values, onChange, width } = props;
  const rows = flattenOrgTree(units).filter((r) => levels === undefined || levels.includes(r.unit.level));
  const names = new Map(units.map((u) => [u.id, u.name]));
  // A unit named by a loaded rules file but outside the caller's tree still shows, by id.
  const nameOf = (v: number): string => names.get(v) ?? `#${v}`;
  return (
    <FormControl size="small" sx={{ width }}>
      <InputLabel id={`${id}-label`} {...(anyLabel === undefined ? {} : { shrink: true })}>
        {label}
      </InputLabel>
      <Select<string[]>
        multiple
        {...(anyLabel === undefined ? {} : { displayEmpty: true, notched: true })}
        labelId={`${id}-label`}
        label={label}
        value={values.map(String)}
        onChange={(e: SelectChangeEvent<string[]>) => onChange((typeof e.target.value === 'string' ? e.target.value.split(',') : e.target.value).map(Number))}
        renderValue={(selected) => (selected.length === 0 ? (anyLabel ?? '') : selected.map((v) => nameOf(Number(v))).join('、'))}
        data-testid={id}
        MenuProps={{ slotProps: { paper: { sx: { maxHeight: 420 } } } }}
      >
        {rows.map(({ unit, depth }) => (
          <MenuItem key={unit.id} value={String(unit.id)} data-testid={`${id}-option-${unit.code}`} sx={{ pl: 2 + (levels === undefined ? depth * 2 : 0) }}>
            {unit.name}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
