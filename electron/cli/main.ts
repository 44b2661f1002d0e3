import path from 'node:path';
import { parseArgs } from 'node:util';
import { pickText } from '../../shared/i18n/locale.js';
import { isAppError } from '../platform/app-error.js';
import { runDemo, runInit, runServe } from './commands.js';
import { runAssignCommand } from './assign-command.js';
import { runHandoverCommand } from './handover-command.js';
import { runEvaluateCommand, runExportCommand } from './evaluate-command.js';
import { runConsolidateCommand, runVerifyCommand } from './package-commands.js';
import { runAuditCommand } from './audit-command.js';
import { runBackupCommand, runRestoreCommand } from './backup-command.js';
import { runImportCommand } from './import-command.js';
import { runRekeyCommand } from './rekey-command.js';
import { runScoreCommand } from './score-command.js';
import { runReportCommand } from './report-command.js';
import { runTemplateCommand } from './template-command.js';
import type { Flags } from './commands.js';
import { UsageError, createOutput } from './output.js';

const USAGE = `网点管户工作台 Branch Workbench

Usage: branch-workbench <command> [--db FILE] [--json] [options]

Commands:
  init                      create or migrate the workspace store
  serve [--port N]          browser mode: serve the app on 127.0.0.1 with a one-time token
  demo [--out DIR] [--seed N] [--clients N] [--managers N]
                            write the deterministic demo extracts (--out) and/or build a demo workspace (--db)
  import --kind K FILE [--profile NAME | --mapping FILE] [--as-of DATE] [--encoding E] [--sheet S] [--unit yuan|wan]
         [--on-error reject|skip] [--expected-rows N]
                            import a core-banking extract as one batch (kinds: clients, balances …)
  score [--as-of DATE] [--client NO]
                            recompute client tiers, scores, stages and segments; print counts (and one client's breakdown)
  audit verify | audit export --out FILE.xlsx
                            check the audit log's hash chain (exit 1 naming the first broken entry) / export it
  backup [--out DIR] [--list]
                            back up the workspace now (the app may stay open), or list its backups
  restore --from BACKUP     replace the workspace with a checked backup, keeping the current one (close the app first)
  assign --rules FILE [--dry-run]
                            plan a rule-based assignment (JSON rules, docs/assignment.md); apply it as one undoable change
  handover --manager NO --to NO[,NO…] --from DATE [--dry-run] [--pdf FILE] [--tolerance PCT] [--include-on-leave] [--reason TEXT]
                            hand a leaving manager's clients and open tasks to colleagues (one undoable change); --pdf writes the 移交清单
  evaluate --scheme FILE --period P
                            save the scheme (JSON, docs/evaluation.md) as a new version if it changed, compute the period,
                            print each manager's total, rank and outcome (--json: the run with every card and trace)
  export --period P --out DIR [--scheme CODE]
                            write the latest run's 考核表 (one PDF, every manager) and summary workbook (.xlsx) into DIR
  export --period P --out FILE.zip [--run N] [--scheme CODE] [--key FILE]
                            write the head-office package (上报包): manifest, workbook, sheets, data as CSV; signed with
                            the head-office key file when given (docs/export-package.md)
  verify PACKAGE [--key FILE]
                            check a package: every member, size, SHA-256, row count and the signature; exit 1 naming
                            every problem (no workspace needed)
  consolidate PACKAGE... [--key FILE]
                            import packages of lower units (汇总) and print the consolidated ranking and unit results
  report --id ID --period P [--unit CODE] [--pdf FILE.pdf] [--xlsx FILE.xlsx]
                            one standard report (managerRanking, outletRanking, targetCompletion, clientMovement,
                            assignmentChanges, contactCoverage; docs/reports.md): print it, write its A4 PDF and/or .xlsx
  template list | template fill --id N --period P [--unit CODE] --out FILE.xlsx
                            list the report templates (报表模板), or fill one with the period's figures into FILE.xlsx
                            (docs/report-templates.md)
  rekey [--protect]         encrypt the workspace, or change its passphrase: new one in BW_NEW_PASSPHRASE (close the app first);
                            --protect: a random key in a key envelope (OS-protected in the desktop app) opened by the
                            recovery passphrase in BW_NEW_RECOVERY_PASSPHRASE

Encrypted workspaces: every command reads the passphrase from the BW_PASSPHRASE environment variable (a workspace
with a key envelope: the recovery passphrase from BW_RECOVERY_PASSPHRASE).

Common options:
  --db FILE                 workspace file (default: the user's data folder)
  --json                    machine-readable result on stdout
`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  port: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  clients: { type: 'string' },
  managers: { type: 'string' },
  kind: { type: 'string' },
  mapping: { type: 'string' },
  profile: { type: 'string' },
  'as-of': { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  unit: { type: 'string' },
  layout: { type: 'string' },
  'on-error': { type: 'string' },
  'expected-rows': { type: 'string' },
  client: { type: 'string' },
  from: { type: 'string' },
  list: { type: 'boolean' },
  rules: { type: 'string' },
  'dry-run': { type: 'boolean' },
  manager: { type: 'string' },
  to: { type: 'string' },
  pdf: { type: 'string' },
  tolerance: { type: 'string' },
  reason: { type: 'string' },
  'include-on-leave': { type: 'boolean' },
  protect: { type: 'boolean' },
  scheme: { type: 'string' },
  period: { type: 'string' },
  run: { type: 'string' },
  key: { type: 'string' },
  id: { type: 'string' },
  xlsx: { type: 'string' },
} as const;

/** Where the built renderer lives relative to the bundled CLI (dist/cli.cjs → dist/renderer). */
function defaultRendererDir(): string {
  return path.join(__dirname, 'renderer');
}

export interface MainOptions {
  /** Bundles other than dist/cli.cjs (the Electron launcher) say where the renderer is. */
  rendererDir?: string;
}

export async function main(argv: string[], opts: MainOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  const common = { db: values.db, json: values.json };
  const flags = values as Flags;
  const out = createOutput(values.json);
  try {
    switch (command) {
      case 'init':
        runInit(common, out);
        return 0;
      case 'serve':
        await runServe(common, flags, out, opts.rendererDir ?? defaultRendererDir());
        return 0;
      case 'demo':
        await runDemo(common, flags, out);
        return 0;
      case 'score':
        await runScoreCommand(common, flags, out);
        return 0;
      case 'import':
        return (await runImportCommand(common, flags, positionals.slice(1), out)) ? 0 : 1;
      case 'audit':
        return (await runAuditCommand(common, flags, positionals.slice(1), out)) ? 0 : 1;
      case 'backup':
        runBackupCommand(common, flags, out);
        return 0;
      case 'assign':
        return runAssignCommand(common, flags, out) ? 0 : 1;
      case 'handover':
        return (await runHandoverCommand(common, flags, out)) ? 0 : 1;
      case 'evaluate':
        return (await runEvaluateCommand(common, flags, out)) ? 0 : 1;
      case 'export':
        return (await runExportCommand(common, flags, out)) ? 0 : 1;
      case 'verify':
        return runVerifyCommand(flags, positionals.slice(1), out) ? 0 : 1;
      case 'consolidate':
        return (await runConsolidateCommand(common, flags, positionals.slice(1), out)) ? 0 : 1;
      case 'report':
        return (await runReportCommand(common, flags, out)) ? 0 : 1;
      case 'template':
        return (await runTemplateCommand(common, flags, positionals.slice(1), out)) ? 0 : 1;
      case 'rekey':
        runRekeyCommand(common, flags, out);
        return 0;
      case 'restore':
        runRestoreCommand(common, flags, out);
        return 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`错误 Error: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(e)) {
      process.stderr.write(`错误 Error [${e.code}]: ${pickText(e.text, 'zh-CN')}\n${e.text.en}\n`);
      if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code: e.code, message: e.text.en, details: e.details } })}\n`);
      return 1;
    }
    process.stderr.write(`错误 Error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
