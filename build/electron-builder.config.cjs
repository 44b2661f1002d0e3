// electron-builder configuration: Windows installer (NSIS, per user) and portable exe, Linux AppImage.
// Run through `npm run package:win` / `npm run package:linux` (see docs/packaging.md).
// The app is offline: nothing here publishes, updates or phones home.
'use strict';

/** Kept out of the esbuild bundles (see scripts/build.mjs `external`), so shipped as a module. */
const NATIVE_MODULE = 'better-sqlite3-multiple-ciphers';
/** The native module and what it requires at run time (bindings → file-uri-to-path). */
const RUNTIME_MODULES = [NATIVE_MODULE, 'bindings', 'file-uri-to-path'];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'cn.branchworkbench.desktop',
  productName: '网点管户工作台',
  // Artifact and executable names stay ASCII: Chinese file names break some file shares, mail
  // gateways and USB sticks formatted FAT32 with the wrong code page.
  executableName: 'BranchWorkbench',
  artifactName: 'BranchWorkbench-${version}-${os}-${arch}.${ext}',
  directories: {
    output: 'release',
    buildResources: 'build',
  },

  // Everything the app runs from is bundled into dist/ by scripts/build.mjs (esbuild for the main
  // process, vite for the renderer). The one module left outside the bundles is the native SQLite
  // binding, so node_modules is reduced to it and what it loads at run time; the other production
  // dependencies (React, MUI, ExcelJS …) are already inside the bundles.
  files: [
    'dist/electron/**',
    'dist/renderer/**',
    // The print font (Noto Sans SC regular + bold, OFL with its LICENSE), copied by scripts/copy-print-fonts.mjs.
    'dist/fonts/**',
    'package.json',
    '!**/*.map',
    // The development launcher (`npm start`): the packaged app starts main.cjs directly.
    '!dist/electron/launch.cjs',
    '!node_modules/**',
    `node_modules/{${RUNTIME_MODULES.join(',')}}/**`,
    // Compile-time leftovers of the native module: sources, object files, the test extension.
    `!node_modules/${NATIVE_MODULE}/{deps,src}/**`,
    `!node_modules/${NATIVE_MODULE}/build/Release/{obj,obj.target,.deps}/**`,
    `!node_modules/${NATIVE_MODULE}/build/Release/test_extension.node`,
  ],
  asar: true,
  // A .node library cannot be loaded from inside an asar archive.
  asarUnpack: [`node_modules/${NATIVE_MODULE}/**`],
  // Rebuild native modules against Electron's ABI (not the Node that ran npm install);
  // prebuilt binaries are used when available, else node-gyp compiles them.
  npmRebuild: true,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // Only the UI languages the app has; drops ~40 MB of Chromium locales.
  electronLanguages: ['zh-CN', 'en-US'],

  // Electron fuses, flipped in the packaged binary: it cannot be reused as a general Node runtime
  // (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect), loads only its own app.asar, and gives file://
  // no special powers (the app is served from app://).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  // No auto-update and no update metadata (latest.yml, app-update.yml).
  publish: null,
  detectUpdateChannel: false,
  generateUpdatesFilesForAllChannels: false,

  win: {
    icon: 'build/icon.ico',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    // Runs as the user who starts it; the exe is signed only when CSC_LINK names a certificate.
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    // Per-user install without administrator rights: branch PCs are often locked down.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '网点管户工作台',
    uninstallDisplayName: '网点管户工作台',
    // The workspace (the user's data) survives an uninstall or reinstall.
    deleteAppDataOnUninstall: false,
    installerLanguages: ['zh_CN', 'en_US'],
    language: '2052',
    artifactName: 'BranchWorkbench-Setup-${version}-${arch}.${ext}',
  },
  portable: {
    artifactName: 'BranchWorkbench-Portable-${version}-${arch}.${ext}',
    requestExecutionLevel: 'user',
  },

  linux: {
    icon: 'build/icon.png',
    target: [{ target: 'AppImage', arch: ['x64'] }],
    category: 'Office',
    synopsis: 'Branch Workbench — offline workbench for bank branch supervisors',
    description: '网点管户工作台：银行网点主管的离线管户工作台',
    executableName: 'branch-workbench',
    artifactName: 'BranchWorkbench-${version}-${arch}.${ext}',
  },
};

module.exports = config;
