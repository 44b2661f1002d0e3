// Copies the print font next to the bundles (dist/fonts/noto-sans-sc): the stylesheets, licence and the woff2
// slices of the two weights printed (regular, bold) of @fontsource/noto-sans-sc — about 7 MB of the package's 76 MB.
// The packaged app has no node_modules, so this copy is the one it prints with (electron/print/fonts.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const WEIGHTS = ['400', '700'];

export function copyPrintFonts(root, dist) {
  const pkgDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('@fontsource/noto-sans-sc/package.json'));
  const target = path.join(dist, 'fonts', 'noto-sans-sc');
  fs.mkdirSync(path.join(target, 'files'), { recursive: true });
  const wanted = ['LICENSE', 'package.json'];
  for (const w of WEIGHTS) {
    wanted.push(`${w}.css`);
    const css = fs.readFileSync(path.join(pkgDir, `${w}.css`), 'utf8');
    for (const m of css.matchAll(/url\(\.\/(files\/[a-z0-9-]+\.woff2)\)/g)) wanted.push(m[1]);
  }
  let copied = 0;
  for (const rel of wanted) {
    const from = path.join(pkgDir, rel);
    const to = path.join(target, rel);
    if (fs.existsSync(to) && fs.statSync(to).size === fs.statSync(from).size) continue;
    fs.copyFileSync(from, to);
    copied += 1;
  }
  return copied;
}
