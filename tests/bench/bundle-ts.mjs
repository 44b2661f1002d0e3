// Benchmarks drive TypeScript modules that have no bundle of their own: this bundles the given exports with esbuild
// into a temp folder and loads them. The native SQLite driver stays outside the bundle, loaded from this checkout's
// node_modules by absolute path.
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** `exportsSource`: `export { x } from './electron/…ts';` lines, relative to the repository root. */
export async function bundleTs(dir, name, exportsSource) {
  const outfile = path.join(dir, `${name}.cjs`);
  const driver = require.resolve('better-sqlite3-multiple-ciphers');
  await build({
    stdin: { contents: exportsSource, resolveDir: path.resolve('.'), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    plugins: [{ name: 'driver', setup: (b) => b.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, () => ({ path: driver, external: true })) }],
  });
  return require(outfile);
}
