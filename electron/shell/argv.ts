import path from 'node:path';

/**
 * The workspace file named by `--db FILE` or `--db=FILE`, resolved against `cwd`, else `fallback`.
 * The argument is looked for anywhere in argv: Electron puts its own binary and, when not packaged,
 * the main script first, and Chromium may add switches of its own.
 */
export function storeFileFromArgv(argv: readonly string[], fallback: string, cwd: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg.startsWith('--db=') && arg.length > '--db='.length) return path.resolve(cwd, arg.slice('--db='.length));
    const next = argv[i + 1];
    if (arg === '--db' && next !== undefined && next !== '' && !next.startsWith('--')) return path.resolve(cwd, next);
  }
  return fallback;
}
