import { MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { ManagerMethod, OutletMethod, ProfileInput, ProfileKind } from '../../../../shared/targets/decomposition.js';
import { KAIMENHONG_QUARTERS, MANAGER_METHODS, OUTLET_METHODS, PROFILE_KINDS } from '../../../../shared/targets/decomposition.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

/** The settings a user picks for a decomposition (the year, indicator and unit are chosen around it). */
export interface SettingsValue {
  outletMethod: OutletMethod;
  managerMethod: ManagerMethod;
  profile: ProfileInput;
}

const methodKey = (m: OutletMethod | ManagerMethod): MessageKey => `targets.method.${m}`;
const profileKey = (p: ProfileKind): MessageKey => `targets.profile.${p}`;

function Picker<T extends string>(props: { label: string; value: T; options: readonly T[]; labelOf: (v: T) => string; onChange: (v: T) => void; disabled: boolean; testId: string; width: number }) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value as T)}
      sx={{ minWidth: props.width }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': props.testId } as object } }}
    >
      {props.options.map((o) => (
        <MenuItem key={o} value={o} data-testid={`${props.testId}-${o}`}>
          {props.labelOf(o)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Unit, methods per level, seasonal profile (custom quarter weights committed on leaving the field). */
export function SettingsBar(props: {
  value: SettingsValue;
  rootId: number;
  roots: ReadonlyArray<{ id: number; name: string }>;
  onRoot: (id: number) => void;
  onChange: (next: SettingsValue) => void;
  editable: boolean;
  busy: boolean;
}) {
  const t = useT();
  const { value, editable, busy } = props;
  const quarters = value.profile.kind === 'custom' ? (value.profile.quarters ?? [...KAIMENHONG_QUARTERS]) : null;
  const [draftQuarters, setDraftQuarters] = useState<string[] | null>(null);
  const shownQuarters = draftQuarters ?? quarters?.map(String) ?? null;
  const commitQuarters = (): void => {
    if (draftQuarters === null) return;
    const parsed = draftQuarters.map((q) => Number(q));
    setDraftQuarters(null);
    if (parsed.every((q) => Number.isInteger(q) && q >= 0) && parsed.some((q) => q > 0)) props.onChange({ ...value, profile: { kind: 'custom', quarters: parsed } });
  };
  const lock = !editable || busy;
  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }} data-testid="targets-settings">
      <Picker
        label={t('targets.root')}
        value={String(props.rootId)}
        options={props.roots.map((r) => String(r.id))}
        labelOf={(id) => props.roots.find((r) => String(r.id) === id)?.name ?? id}
        onChange={(id) => props.onRoot(Number(id))}
        disabled={busy}
        testId="targets-root"
        width={170}
      />
      <Picker label={t('targets.outletMethod')} value={value.outletMethod} options={OUTLET_METHODS} labelOf={(m) => t(methodKey(m))} onChange={(m) => props.onChange({ ...value, outletMethod: m })} disabled={lock} testId="targets-outlet-method" width={210} />
      <Picker label={t('targets.managerMethod')} value={value.managerMethod} options={MANAGER_METHODS} labelOf={(m) => t(methodKey(m))} onChange={(m) => props.onChange({ ...value, managerMethod: m })} disabled={lock} testId="targets-manager-method" width={210} />
      <Picker
        label={t('targets.profile')}
        value={value.profile.kind}
        options={PROFILE_KINDS}
        labelOf={(p) => t(profileKey(p))}
        onChange={(p) => props.onChange({ ...value, profile: p === 'custom' ? { kind: 'custom', quarters: [...KAIMENHONG_QUARTERS] } : { kind: p } })}
        disabled={lock}
        testId="targets-profile"
        width={200}
      />
      {shownQuarters?.map((q, i) => (
        <TextField
          key={i}
          size="small"
          type="number"
          label={t('targets.profile.quarter', { q: i + 1 })}
          value={q}
          disabled={lock}
          onChange={(e) => setDraftQuarters((shownQuarters ?? []).map((x, k) => (k === i ? e.target.value : x)))}
          onBlur={commitQuarters}
          sx={{ width: 100 }}
          slotProps={{ htmlInput: { min: 0, step: 1, 'data-testid': `targets-quarter-weight-${i + 1}` } }}
        />
      ))}
    </Stack>
  );
}
