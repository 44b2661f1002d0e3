// Benchmark: a 1,000,000-row GBK client CSV through the full import pipeline (detect, decode, validate, plan,
// commit) against a baseline measured in the same run: the same rows parsed with papaparse and inserted with a
// bare prepared statement in one transaction. Prints rows/s for both, the ratio and the pipeline's peak RSS.
// Usage: node tests/bench/import.mjs [rows]   (after `npm run build`)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import Papa from 'papaparse';
import { makeGbkEncoder } from './gbk-encoder.mjs';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-import-'));
const cli = path.resolve('dist/cli.cjs');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥建国文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛';
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function idNo(i) {
  const birth = `19${String(50 + (i % 50)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const body = `320106${birth}${String(i % 1000).padStart(3, '0')}`;
  let s = 0;
  for (let k = 0; k < 17; k++) s += Number(body[k]) * W[k];
  return body + CHECK[s % 11];
}

function writeFile(file) {
  const encode = makeGbkEncoder();
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, encode('数据日期：2026-10-31\r\n客户号,客户名称,证件类型,证件号码,手机号,性别,出生日期,开户日期,所属网点,客户经理号,管户日期,备注\r\n'));
  let buf = [];
  for (let i = 1; i <= ROWS; i++) {
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? '' : GIVEN[(i * 13) % GIVEN.length]);
    const id = idNo(i);
    buf.push(`${String(1_000_000_000 + i)},${name},居民身份证,${id},1${3 + (i % 7)}${String(i).padStart(9, '0')},${i % 2 ? '男' : '女'},${id.slice(6, 14)},2015${String(1 + (i % 12)).padStart(2, '0')}15,320106002,,20251101,\r\n`);
    if (buf.length === 10_000) {
      fs.writeSync(fd, encode(buf.join('')));
      buf = [];
    }
  }
  fs.writeSync(fd, encode(buf.join('') + `合计,${ROWS}\r\n`));
  fs.closeSync(fd);
}

async function baseline(file, db) {
  execFileSync(process.execPath, [cli, 'init', '--db', db]);
  const started = performance.now();
  const sqlite = new Database(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const insert = sqlite.prepare('INSERT INTO client (client_no, name, id_type, id_no, phone, gender, birth_date, open_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const decoder = new TextDecoder('gb18030');
  const text = fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
    new Transform({
      transform(c, _e, done) {
        done(null, decoder.decode(c, { stream: true }));
      },
      flush(done) {
        done(null, decoder.decode());
      },
    }),
  );
  let n = 0;
  sqlite.exec('BEGIN');
  await new Promise((resolve, reject) => {
    Papa.parse(text, {
      chunk(res) {
        for (const r of res.data) {
          if (r.length < 10 || !/^\d+$/.test(r[0])) continue;
          insert.run(r[0], r[1], r[2], r[3], r[4], r[5] === '男' ? 'M' : 'F', r[6], r[7]);
          n++;
        }
      },
      complete: resolve,
      error: reject,
    });
  });
  sqlite.exec('COMMIT');
  sqlite.close();
  return { rows: n, seconds: (performance.now() - started) / 1000 };
}

function pipeline(file, db) {
  execFileSync(process.execPath, [cli, 'init', '--db', db]);
  const mapping = path.join(dir, 'mapping.json');
  fs.writeFileSync(mapping, JSON.stringify({ clientNo: '客户号', name: '客户名称', idType: '证件类型', idNo: '证件号码', phone: '手机号', gender: '性别', birthDate: '出生日期', openDate: '开户日期' }));
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'import', '--db', db, '--kind', 'clients', '--mapping', mapping, '--json', file], {
    encoding: 'utf8',
    env: { ...process.env, BW_LOG_LEVEL: 'warn' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`pipeline failed: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  const batch = JSON.parse(r.stdout).batch;
  return { rows: batch.inserted, seconds, rssMb: rssKb / 1024 };
}

try {
  const file = path.join(dir, 'clients.csv');
  const t0 = performance.now();
  writeFile(file);
  console.log(`generated ${ROWS} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB GBK in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const base = await baseline(file, path.join(dir, 'baseline.db'));
  const full = pipeline(file, path.join(dir, 'pipeline.db'));
  const baseRate = base.rows / base.seconds;
  const fullRate = full.rows / full.seconds;
  console.log(`baseline (papaparse + bare prepared insert, one transaction): ${base.rows} rows in ${base.seconds.toFixed(2)} s = ${Math.round(baseRate)} rows/s`);
  console.log(`pipeline (branch-workbench import, whole process):            ${full.rows} rows in ${full.seconds.toFixed(2)} s = ${Math.round(fullRate)} rows/s, peak RSS ${full.rssMb.toFixed(0)} MB`);
  console.log(`ratio pipeline/baseline: ${(fullRate / baseRate).toFixed(2)} (target >= 0.50); peak RSS target < 400 MB`);
  if (base.rows !== ROWS || full.rows !== ROWS) throw new Error(`row counts differ: baseline ${base.rows}, pipeline ${full.rows}, expected ${ROWS}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
