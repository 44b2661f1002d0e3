// Builds everything the app runs from: the CLI and Electron bundles (esbuild) and the renderer (vite).
// Usage: node scripts/build.mjs [--force] [--no-renderer]   (the renderer is rebuilt only when its sources changed)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { copyPrintFonts } from './copy-print-fonts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const force = process.argv.includes('--force');
const withRenderer = !process.argv.includes('--no-renderer');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // playwright-core reads its own files at run time, so it cannot be bundled; it is loaded only to print (CLI, browser mode).
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'playwright-core'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

async function buildRenderer() {
  const marker = path.join(dist, 'renderer', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'renderer')),
    newestMtime(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  if (!force && fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= sources) return false;
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

const started = Date.now();
await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/cli/entry.ts'], outfile: 'dist/cli.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/jobs/worker-main.ts'], outfile: 'dist/worker.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/shell/main.ts'], outfile: 'dist/electron/main.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/electron/preload.cjs', sourcemap: false }),
  esbuild({ ...common, entryPoints: ['electron/shell/launch.ts'], outfile: 'dist/electron/launch.cjs' }),
]);
copyPrintFonts(root, dist);
const rendererBuilt = withRenderer ? await buildRenderer() : false;
process.stderr.write(`build: done in ${Date.now() - started} ms${rendererBuilt ? ' (renderer rebuilt)' : ''}\n`);
