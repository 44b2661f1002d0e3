// Benchmark: client search latency on a 1,000,000-client workspace, through the real server (browser mode's
// loopback HTTP API), as the client list asks it: by client number, name, pinyin initials, ID number and phone,
// alone and combined with a filter. Prints median and p95 per kind against a baseline measured in the same run:
// the same HTTP round trip for a call that touches no table (system.info). Target: median and p95 < 100 ms.
// Usage: node tests/bench/search.mjs [clients] [queries per kind]   (after `npm run build`)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clientNoOf, idNoOf, nameOf, phoneOf, writeClientFile } from './client-file.mjs';

const CLIENTS = Number(process.argv[2] ?? 1_000_000);
const PER_KIND = Number(process.argv[3] ?? 200);
const cli = path.resolve('dist/cli.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-search-'));

function serve(db) {
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--json'], { env: { ...process.env, BW_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      try {
        const url = new URL(JSON.parse(out).url);
        resolve({ child, base: url.origin, token: url.hash.replace('#token=', '') });
      } catch {
        // not the whole line yet
      }
    });
  });
}

async function call(server, name, input) {
  const res = await fetch(`${server.base}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-token': server.token },
    body: JSON.stringify({ input }),
  });
  const lines = (await res.text()).trim().split('\n');
  const result = JSON.parse(lines[lines.length - 1]).result;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

async function timed(server, name, inputs) {
  const ms = [];
  let rows = 0;
  for (const input of inputs) {
    const t = performance.now();
    const v = await call(server, name, input);
    ms.push(performance.now() - t);
    rows += v.rows?.length ?? 0;
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)], max: ms[ms.length - 1], rows };
}

function pick(n, f) {
  // Spread over the whole book, deterministically.
  return Array.from({ length: n }, (_, k) => f(1 + Math.floor(((k + 0.5) * CLIENTS) / n)));
}

let server;
try {
  const file = path.join(dir, 'clients.csv');
  const db = path.join(dir, 'search.db');
  writeClientFile(file, CLIENTS);
  const mapping = path.join(dir, 'mapping.json');
  fs.writeFileSync(mapping, JSON.stringify({ clientNo: '客户号', name: '客户名称', idType: '证件类型', idNo: '证件号码', phone: '手机号', gender: '性别', birthDate: '出生日期', openDate: '开户日期' }));
  execFileSync(process.execPath, [cli, 'init', '--db', db]);
  const t0 = performance.now();
  execFileSync(process.execPath, [cli, 'import', '--db', db, '--kind', 'clients', '--mapping', mapping, '--json', file], { env: { ...process.env, BW_LOG_LEVEL: 'warn' }, maxBuffer: 1 << 26 });
  console.log(`workspace: ${CLIENTS} clients imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  server = await serve(db);
  // Warm the connection and the page cache as a user's first searches would.
  await timed(server, 'clients.list', pick(20, (i) => ({ search: nameOf(i), limit: 100 })));

  const baseline = await timed(server, 'system.info', pick(PER_KIND, () => ({})));
  const initials = ['WW', 'ZJ', 'LM', 'CX', 'H', 'Y', 'SGL', 'MF'];
  const kinds = {
    'client number': pick(PER_KIND, (i) => ({ search: clientNoOf(i), limit: 100 })),
    'name': pick(PER_KIND, (i) => ({ search: nameOf(i), limit: 100 })),
    'pinyin initials': pick(PER_KIND, (i) => ({ search: initials[i % initials.length], limit: 100 })),
    'ID number': pick(PER_KIND, (i) => ({ search: idNoOf(i), limit: 100 })),
    'phone': pick(PER_KIND, (i) => ({ search: phoneOf(i), limit: 100 })),
    'name + unassigned': pick(PER_KIND, (i) => ({ search: nameOf(i), unassigned: true, limit: 100 })),
    'first page, no search': pick(PER_KIND, () => ({ limit: 100 })),
  };
  console.log(`baseline (system.info round trip): median ${baseline.median.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms`);
  let worst = 0;
  for (const [kind, inputs] of Object.entries(kinds)) {
    const r = await timed(server, 'clients.list', inputs);
    worst = Math.max(worst, r.p95);
    console.log(
      `${kind.padEnd(22)} median ${r.median.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  ` +
        `ratio to baseline (median) ${(r.median / baseline.median).toFixed(1)}  rows/query ${(r.rows / inputs.length).toFixed(1)}`,
    );
  }
  console.log(`worst p95 ${worst.toFixed(1)} ms (target: median and p95 < 100 ms)`);
} finally {
  server?.child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
