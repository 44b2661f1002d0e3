import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientScoreView, RecomputeReport } from '../../shared/book/types.js';
import { createApp } from '../../electron/app.js';
import { localAdminSession } from '../../electron/api/types.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { WORKER_FILE, makeTestApp } from '../helpers/app.js';
import { buildBookStore } from '../helpers/book-store.js';
import { runCli } from '../helpers/cli.js';
import { expectOk } from '../helpers/import.js';

/** `branch-workbench score` prints the numbers the app shows: the same op, the same stored rows. */
let t: ReturnType<typeof makeTestApp>;
let db: string;
beforeAll(async () => {
  t = makeTestApp('book-cli');
  await buildBookStore(t.app, t.dir);
  db = t.app.services.store.file;
  t.app.close();
}, 60_000);
afterAll(() => t.cleanup());

describe('branch-workbench score', () => {
  it('--json: counts by tier and stage, and a client breakdown equal to clients.get and to the stored rows', async () => {
    const r = runCli(['score', '--db', db, '--json', '--client', 'A']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as RecomputeReport & { wallMs: number; client: { clientNo: string; score: ClientScoreView } };
    expect(out).toMatchObject({ asOf: '2026-10-31', clients: 6 });
    expect(out.wallMs).toBeGreaterThan(0);

    const app = createApp({ storeFile: db, mode: 'cli', workerFile: WORKER_FILE, clock: fixedClock('2026-11-22T09:00:00+08:00') });
    try {
      const counts = (col: string): Record<string, number> =>
        Object.fromEntries(app.services.store.db.prepare(`SELECT ${col} AS k, count(*) AS n FROM client_score GROUP BY ${col}`).raw(true).all() as Array<[string, number]>);
      expect(Object.fromEntries(Object.entries(out.byTier).filter(([, n]) => n > 0))).toEqual(counts('tier'));
      expect(Object.fromEntries(Object.entries(out.byStage).filter(([, n]) => n > 0))).toEqual(counts('stage'));
      const viaApi = expectOk(await app.dispatcher.invoke('clients.get', { clientNo: 'A' }, { session: localAdminSession() }));
      expect(out.client.score).toEqual(viaApi.score);
      const row = app.services.store.db.prepare("SELECT s.contribution, s.loyalty, s.tier, s.stage FROM client_score s JOIN client c ON c.id = s.client_id WHERE c.client_no = 'A'").get();
      expect(row).toEqual({ contribution: out.client.score.contribution.totalTenths, loyalty: out.client.score.loyalty.totalTenths, tier: out.client.score.tier.tier, stage: out.client.score.stage.stage });
      expect([out.client.score.contribution.total, out.client.score.loyalty.total]).toEqual([65.8, 79.4]);
    } finally {
      app.close();
    }
  });

  it('prints a readable summary with the breakdown, and refuses a bad date', () => {
    const r = runCli(['score', '--db', db, '--client', 'A']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Client book scored as of 2026-10-31: 6 clients');
    expect(r.stdout).toContain('白金 platinum 1');
    expect(r.stdout).toContain('贡献度 Contribution: 65.8');
    expect(r.stdout).toContain('产品收入 Product income: 无数据');
    expect(runCli(['score', '--db', db, '--as-of', '31/10/2026']).status).toBe(2);
    const none = runCli(['score', '--db', path.join(t.dir, 'empty.db'), '--json']);
    expect(none.status).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
