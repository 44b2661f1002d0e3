#!/usr/bin/env node
'use strict';
// The CLI is bundled to dist/ by `npm run build` (run automatically by npm install / npm ci via "prepare").
const path = require('node:path');
const fs = require('node:fs');
const bundled = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundled)) {
  process.stderr.write('branch-workbench is not built yet: run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(1);
}
require(bundled);
