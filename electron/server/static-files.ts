import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  immutable: boolean;
}

/**
 * Resolves a URL path to a file of the built renderer; never outside `root`.
 * Unknown paths fall back to index.html (client-side routes).
 */
export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== resolvedRoot && !candidate.startsWith(resolvedRoot + path.sep)) return null;
  let file = candidate;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    if (path.extname(decoded) !== '') return null;
    file = path.join(resolvedRoot, 'index.html');
    if (!fs.existsSync(file)) return null;
  }
  const ext = path.extname(file);
  return {
    body: fs.readFileSync(file),
    contentType: TYPES[ext] ?? 'application/octet-stream',
    immutable: file.includes(`${path.sep}assets${path.sep}`),
  };
}
