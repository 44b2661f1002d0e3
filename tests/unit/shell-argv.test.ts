import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeFileFromArgv } from '../../electron/shell/argv.js';

describe('--db argument', () => {
  const fallback = '/home/u/.config/BranchWorkbench/workspace.db';

  it('reads --db FILE and --db=FILE anywhere in argv, relative to the working folder', () => {
    expect(storeFileFromArgv(['/usr/bin/electron', 'dist/electron/main.cjs', '--db', 'w.db'], fallback, '/work')).toBe(path.resolve('/work', 'w.db'));
    expect(storeFileFromArgv(['BranchWorkbench.exe', '--db=/data/w.db'], fallback, '/work')).toBe(path.resolve('/data/w.db'));
  });

  it('falls back to the default workspace', () => {
    expect(storeFileFromArgv(['/usr/bin/electron', 'dist/electron/main.cjs'], fallback, '/work')).toBe(fallback);
    expect(storeFileFromArgv(['x', '--db'], fallback, '/work')).toBe(fallback);
    expect(storeFileFromArgv(['x', '--db', '--inspect'], fallback, '/work')).toBe(fallback);
  });
});
