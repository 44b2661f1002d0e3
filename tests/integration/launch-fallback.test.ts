import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp.js';

const tmp = makeTempDir('launch');
afterAll(() => tmp.cleanup());

/** What `npm start` runs after building: without an Electron binary it must fall back to browser mode. */
describe('npm start without the Electron binary', () => {
  it('says so in one line, prints the browser-mode URL and serves the renderer there', async () => {
    // Point Electron's own override at an empty folder so the test means the same on every machine.
    const child = spawn(process.execPath, [path.resolve('dist/electron/launch.cjs'), '--db', path.join(tmp.dir, 'w.db')], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tmp.dir, BW_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        const check = (): void => {
          const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
          if (m !== null) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        };
        child.stdout.on('data', check);
        child.stderr.on('data', check);
      });
      const fallbackLines = out.split('\n').filter((l) => l.includes('Electron'));
      expect(fallbackLines).toHaveLength(1);
      expect(fallbackLines[0]).toContain('浏览器模式');
      const page = await fetch(new URL('/', url));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const api = await fetch(new URL('/api/call/system.info', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(api.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
