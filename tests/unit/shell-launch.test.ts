import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronPackageDir, findElectronBinary, platformExecutable } from '../../electron/shell/electron-binary.js';

let tmp: string;
let pkgDir: string;
let marker: string;

/**
 * A stand-in for the `electron` package whose index.js and install.js, if ever run, leave a marker:
 * the real ones would download the binary.
 */
function fakeElectronPackage(): void {
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.0.0', main: 'index.js' }));
  const trap = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'download attempted'); throw new Error('download attempted');\n`;
  fs.writeFileSync(path.join(pkgDir, 'index.js'), trap);
  fs.writeFileSync(path.join(pkgDir, 'install.js'), trap);
}

function writeBinary(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'not really electron');
}

const lookup = (env: NodeJS.ProcessEnv = {}, packageDir: string | null = pkgDir) => ({ packageDir, env, platform: 'linux' as const });

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-launch-'));
  pkgDir = path.join(tmp, 'node_modules', 'electron');
  marker = path.join(tmp, 'download-attempted');
  fakeElectronPackage();
});

afterEach(() => {
  expect(fs.existsSync(marker), 'electron/index.js or install.js was run').toBe(false);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('electron package folder', () => {
  it('is found through package.json without loading the package', () => {
    const resolve = createRequire(path.join(tmp, 'launcher.cjs')).resolve;
    expect(electronPackageDir(resolve)).toBe(fs.realpathSync(pkgDir));
  });

  it('asks the resolver only for electron/package.json', () => {
    const asked: string[] = [];
    electronPackageDir((id) => {
      asked.push(id);
      return path.join(pkgDir, 'package.json');
    });
    expect(asked).toEqual(['electron/package.json']);
  });

  it('is null when electron is not installed', () => {
    const resolve = createRequire(path.join(os.tmpdir(), 'nowhere', 'launcher.cjs')).resolve;
    fs.rmSync(pkgDir, { recursive: true });
    expect(electronPackageDir(resolve)).toBeNull();
    expect(findElectronBinary(lookup({}, null))).toBeNull();
  });

  it('does not load the real electron/index.js when resolving the installed package', () => {
    const req = createRequire(import.meta.url);
    const dir = electronPackageDir((id) => req.resolve(id));
    if (dir !== null) findElectronBinary({ packageDir: dir, env: {}, platform: process.platform });
    expect(Object.keys(req.cache).filter((k) => k.endsWith(path.join('electron', 'index.js')))).toEqual([]);
  });
});

describe('electron binary detection', () => {
  it('is null without path.txt (electron/index.js would download here)', () => {
    writeBinary(path.join(pkgDir, 'dist', 'electron'));
    expect(findElectronBinary(lookup())).toBeNull();
  });

  it('is null when path.txt names a binary that is not in dist/', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    expect(findElectronBinary(lookup())).toBeNull();
  });

  it('is the binary in dist/ named by path.txt', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron\n');
    writeBinary(path.join(pkgDir, 'dist', 'electron'));
    expect(findElectronBinary(lookup())).toBe(path.join(pkgDir, 'dist', 'electron'));
  });

  it('does not take a folder for the binary', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(pkgDir, 'dist', 'electron'), { recursive: true });
    expect(findElectronBinary(lookup())).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH with the name from path.txt', () => {
    const override = path.join(tmp, 'custom-dist');
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    writeBinary(path.join(override, 'electron'));
    writeBinary(path.join(pkgDir, 'dist', 'electron'));
    expect(findElectronBinary(lookup({ ELECTRON_OVERRIDE_DIST_PATH: override }))).toBe(path.join(override, 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH without path.txt or even the package, using the platform name', () => {
    const override = path.join(tmp, 'custom-dist');
    writeBinary(path.join(override, 'electron.exe'));
    expect(findElectronBinary({ packageDir: null, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'win32' })).toBe(
      path.join(override, 'electron.exe'),
    );
  });

  it('is null when the override folder lacks the binary, even if dist/ has one', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    writeBinary(path.join(pkgDir, 'dist', 'electron'));
    expect(findElectronBinary(lookup({ ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'empty') }))).toBeNull();
  });

  it('ignores an empty override', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    writeBinary(path.join(pkgDir, 'dist', 'electron'));
    expect(findElectronBinary(lookup({ ELECTRON_OVERRIDE_DIST_PATH: '' }))).toBe(path.join(pkgDir, 'dist', 'electron'));
  });

  it('names the executable as electron’s install script does', () => {
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});
