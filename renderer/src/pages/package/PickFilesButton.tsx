import { Button } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRef } from 'react';

/** A button that picks one or more package files (.zip); the input is cleared so the same file can be picked again. */
export function PickFilesButton(props: { label: string; testId: string; multiple?: boolean; disabled?: boolean; onPick: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant="outlined" startIcon={<UploadFileIcon />} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        multiple={props.multiple === true}
        hidden
        data-testid={props.testId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) props.onPick(files);
        }}
      />
    </>
  );
}
