/**
 * A picked file's bytes as base64 for the API (packages travel as base64 like every file the app exchanges).
 * Converted in slices: one String.fromCharCode over a 50 MB array would overflow the call stack.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join(''));
}

export async function fileBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
