import { assignmentRulesSchema } from '../../../../shared/assignment/rules.js';
import type { ExportedFile } from '../../../../shared/api/ops/import.js';
import { rulesForRun } from './rules-draft.js';
import type { RulesDraft } from './rules-draft.js';

/** The lists a rule set may carry; an empty one means "none" to the engine but "any" to the form. */
const LISTS = [
  ['scope', 'orgUnitIds'],
  ['select', 'tiers'],
  ['select', 'segments'],
  ['select', 'stages'],
  ['select', 'orgUnitIds'],
  ['select', 'productTypes'],
  ['select', 'managerIds'],
  ['eligible', 'managerIds'],
] as const;

export type RulesFileRead =
  | { ok: true; rules: RulesDraft; /** Paths of empty lists in the file, which the form reads as "any". */ emptyLists: string[] }
  | { ok: false; problems: string[] };

function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The rules as a JSON file, the same format `branch-workbench assign --rules FILE` reads. */
export function rulesFile(rules: RulesDraft): ExportedFile {
  const text = `${JSON.stringify(rulesForRun(rules), null, 2)}\n`;
  return { fileName: `assignment-rules-${rules.asOf}.json`, mimeType: 'application/json', base64: utf8Base64(text) };
}

/**
 * Reads a rules file (saved here, or written by hand for the CLI). A file the schema refuses is reported with the
 * first problems by path rather than half-loaded; empty lists are named because the form cannot show "none of".
 */
export function readRulesFile(text: string): RulesFileRead {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
  }
  const parsed = assignmentRulesSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.length === 0 ? '(root)' : i.path.join('.')}: ${i.message}`) };
  }
  const rules = parsed.data;
  const emptyLists = LISTS.filter(([section, key]) => {
    const value: unknown = (rules[section] as Record<string, unknown>)[key];
    return Array.isArray(value) && value.length === 0;
  }).map(([section, key]) => `${section}.${key}`);
  return { ok: true, rules, emptyLists };
}
