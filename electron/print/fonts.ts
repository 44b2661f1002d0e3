import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../platform/app-error.js';

/**
 * The one typeface of printed documents: Noto Sans SC (思源黑体, SIL OFL 1.1) from the npm package
 * `@fontsource/noto-sans-sc`, regular and bold. Its woff2 files have TrueType outlines, so Chromium embeds them in
 * the PDF as subsetted CID TrueType fonts (small, text extracts) instead of the Type 3 bitmaps it makes of the CFF
 * CJK fonts installed on Linux. The package splits each weight into ~100 slices by `unicode-range`; Chromium fetches
 * only the slices a page uses, so a sheet pulls a few hundred KB rather than a whole 10 MB CJK font.
 */
export const FONT_FAMILY = 'Noto Sans SC';
export const FONT_PACKAGE = '@fontsource/noto-sans-sc';
/** Folder name of the copy that `scripts/copy-print-fonts.mjs` puts next to the bundles (dist/fonts/…). */
export const BUNDLED_FONT_DIR = path.join('fonts', 'noto-sans-sc');
export const FONT_WEIGHTS = [400, 700] as const;

export interface FontSlice {
  file: string;
  weight: number;
  unicodeRange: string;
}

export interface PrintFonts {
  /** The folder the files come from (for logs and docs). */
  dir: string;
  slices: readonly FontSlice[];
  /** `@font-face` rules whose URLs start with `urlPrefix` (served from memory by the print route). */
  css(urlPrefix: string): string;
  /** Bytes of one slice, or null for any name that is not a known slice (never a path on disk). */
  read(file: string): Buffer | null;
}

const SAFE_FILE = /^[a-z0-9-]+\.woff2$/;

/** Reads the slices of one weight from the package's own stylesheet (`400.css`), keeping the woff2 sources only. */
export function parseFontCss(css: string, weight: number): FontSlice[] {
  const slices: FontSlice[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;}]+)/.exec(block)?.[1]?.trim();
    const declared = Number(/font-weight:\s*(\d+)/.exec(block)?.[1]);
    if (file === undefined || range === undefined || declared !== weight || !SAFE_FILE.test(file)) continue;
    // A unicode-range may hold only code points, ranges and commas; anything else would be CSS injection.
    if (!/^[uU+0-9a-fA-F?,\s-]+$/.test(range)) continue;
    slices.push({ file, weight, unicodeRange: range });
  }
  return slices;
}

function isFontDir(dir: string): boolean {
  return FONT_WEIGHTS.every((w) => fs.existsSync(path.join(dir, `${w}.css`))) && fs.existsSync(path.join(dir, 'files'));
}

function packageDir(fromDir: string): string | null {
  try {
    const req = createRequire(path.join(fromDir, 'noop.js'));
    return path.dirname(req.resolve(`${FONT_PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

/**
 * Where the font may be, in order: BW_FONT_DIR; a copy next to the bundle (dist/cli.cjs → dist/fonts, and
 * dist/electron/main.cjs → dist/fonts, the only copy inside the packaged app, which has no node_modules); the npm
 * package resolved from the bundle or from the working folder (source runs under vitest or tsx).
 */
export function fontDirCandidates(env: NodeJS.ProcessEnv, bundleDir: string | undefined, cwd: string): string[] {
  const out: string[] = [];
  const fromEnv = env['BW_FONT_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') out.push(fromEnv);
  if (bundleDir !== undefined) out.push(path.join(bundleDir, BUNDLED_FONT_DIR), path.join(bundleDir, '..', BUNDLED_FONT_DIR));
  for (const from of bundleDir === undefined ? [cwd] : [bundleDir, cwd]) {
    const dir = packageDir(from);
    if (dir !== null) out.push(dir);
  }
  return out;
}

/** The folder of the running bundle or source file; undefined under plain ESM (tsx), where cwd is used instead. */
function currentDir(): string | undefined {
  return typeof __dirname === 'string' ? __dirname : undefined;
}

export function locateFontDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = fontDirCandidates(env, currentDir(), process.cwd());
  const found = candidates.find(isFontDir);
  if (found !== undefined) return found;
  throw new AppError(
    'PRINT_UNAVAILABLE',
    {
      zh: `找不到打印字体（思源黑体 Noto Sans SC），无法生成 PDF。请重新安装本程序。`,
      en: `The print font (Noto Sans SC) is missing, so no PDF can be made. Reinstall the app.`,
    },
    { looked: candidates },
  );
}

/** Loads the slice list now and the slice bytes on first use; the bytes are public font data, safe to keep. */
export function loadPrintFonts(dir: string = locateFontDir()): PrintFonts {
  const slices = FONT_WEIGHTS.flatMap((w) => parseFontCss(fs.readFileSync(path.join(dir, `${w}.css`), 'utf8'), w));
  const known = new Set(slices.map((s) => s.file));
  const cache = new Map<string, Buffer>();
  return {
    dir,
    slices,
    css: (urlPrefix) =>
      slices
        .map(
          (s) =>
            // `block`: never paint a fallback font while a slice loads; the printer waits for all fonts anyway.
            `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${s.weight};font-display:block;` +
            `src:url(${urlPrefix}${s.file}) format('woff2');unicode-range:${s.unicodeRange}}`,
        )
        .join('\n'),
    read: (file) => {
      if (!known.has(file)) return null;
      let bytes = cache.get(file);
      if (bytes === undefined) {
        bytes = fs.readFileSync(path.join(dir, 'files', file));
        cache.set(file, bytes);
      }
      return bytes;
    },
  };
}
