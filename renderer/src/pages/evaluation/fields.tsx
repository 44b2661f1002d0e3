import { InputAdornment, MenuItem, TextField } from '@mui/material';
import type { ReactNode } from 'react';
import { isNumberText } from './decimal-text.js';

/**
 * The editor's small fields: a number typed as text with its unit beside it (flagged while it is not a number),
 * and a select whose options carry test ids. Kept here so the editor's many fields look and behave alike.
 */
export function NumField(props: { label: string; value: string; onChange: (v: string) => void; testId: string; suffix?: string; width?: number; disabled?: boolean; helperText?: string | undefined; required?: boolean }) {
  const bad = props.value.trim() !== '' && !isNumberText(props.value.replaceAll(',', ''));
  return (
    <TextField
      size="small"
      label={props.label}
      value={props.value}
      error={bad}
      required={props.required ?? false}
      disabled={props.disabled ?? false}
      onChange={(e) => props.onChange(e.target.value)}
      helperText={props.helperText}
      sx={{ width: props.width ?? 140 }}
      slotProps={{
        htmlInput: { inputMode: 'decimal', 'data-testid': props.testId },
        input: props.suffix === undefined || props.suffix === '' ? {} : { endAdornment: <InputAdornment position="end">{props.suffix}</InputAdornment> },
      }}
    />
  );
}

export function SelectField<V extends string>(props: { label: string; value: V; options: ReadonlyArray<{ value: V; label: ReactNode }>; onChange: (v: V) => void; testId: string; width?: number; disabled?: boolean }) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.value}
      disabled={props.disabled ?? false}
      onChange={(e) => props.onChange(e.target.value as V)}
      sx={{ width: props.width ?? 180 }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': props.testId } as object } }}
    >
      {props.options.map((o) => (
        <MenuItem key={o.value} value={o.value} data-testid={`${props.testId}-${o.value}`}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
