import { Button } from '@mui/material';
import { useRef } from 'react';

/**
 * A button that lets the user pick a JSON file and hands over its name and text (or why it could not be read).
 * The input is cleared after each pick, so choosing the same file again after editing it reads it again.
 */
export function OpenFileButton(props: {
  label: string;
  testId: string;
  variant?: 'outlined' | 'contained';
  size?: 'small' | 'medium';
  onRead: (fileName: string, text: string) => void;
  onFailed: (fileName: string, reason: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const { onRead, onFailed } = props;
  return (
    <>
      <Button size={props.size ?? 'medium'} variant={props.variant ?? 'outlined'} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file === undefined) return;
          file.text().then(
            (text) => onRead(file.name, text),
            (err: unknown) => onFailed(file.name, err instanceof Error ? err.message : String(err)),
          );
        }}
      />
    </>
  );
}
