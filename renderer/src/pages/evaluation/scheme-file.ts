import type { ExportedFile } from '../../../../shared/api/ops/import.js';
import { schemeSchema } from '../../../../shared/evaluation/scheme.js';
import type { Scheme } from '../../../../shared/evaluation/scheme.js';

/**
 * A scheme as a JSON file: exactly what `branch-workbench evaluate --scheme FILE` reads, so a scheme tried in the
 * editor can be run from a terminal (and a file written by hand opened here).
 */
export type SchemeFileRead = { ok: true; scheme: Scheme } | { ok: false; problems: string[] };

function base64Of(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function schemeFile(scheme: Scheme): ExportedFile {
  return { fileName: `scheme-${scheme.code}.json`, mimeType: 'application/json', base64: base64Of(`${JSON.stringify(scheme, null, 2)}\n`) };
}

/** Reads a scheme file; a file the schema refuses is reported by path (first few problems), never half-loaded. */
export function readSchemeFile(text: string): SchemeFileRead {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
  }
  const parsed = schemeSchema.safeParse(json);
  if (parsed.success) return { ok: true, scheme: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, 6).map((i) => `${i.path.length === 0 ? '(root)' : i.path.join('.')}: ${i.message}`) };
}
