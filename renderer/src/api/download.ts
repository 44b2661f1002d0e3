import type { ExportedFile } from '../../../shared/api/ops/import.js';

/** Decodes an exported file (base64 from the API) into a Blob of its type. */
export function exportedBlob(file: ExportedFile): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mimeType });
}

/**
 * Offers the file as a download where the user chooses (the browser's or Electron's save flow); nothing is
 * written anywhere else.
 */
export function offerDownload(file: ExportedFile): void {
  const url = URL.createObjectURL(exportedBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
