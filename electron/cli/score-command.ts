import { LIFECYCLE_STAGES, STAGE_LABELS, TIER_LABELS } from '../../shared/book/labels.js';
import type { ClientScoreView, RecomputeReport, ScoreBreakdown } from '../../shared/book/types.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import { formatFen } from '../../shared/model/money.js';
import { createApp } from '../app.js';
import { localAdminSession } from '../api/types.js';
import type { CommonFlags, Flags } from './commands.js';
import { storeFileOf, unwrap, workerFileOf, passphraseFromEnv } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

function breakdownLines(title: string, b: ScoreBreakdown): string[] {
  const lines = [`  ${title}: ${b.total.toFixed(1)}`];
  for (const c of b.components) {
    const value = c.value === null ? '—' : c.unit === 'fen' ? `${formatFen(c.value)} 元` : String(Math.round(c.value * 100) / 100);
    lines.push(
      c.present
        ? `    ${c.label.zh} ${c.label.en}: ${value} → ${(c.points ?? 0).toFixed(1)} 分 × 权重 weight ${c.weight} (${c.share.toFixed(1)}%) = ${c.contribution.toFixed(1)}`
        : `    ${c.label.zh} ${c.label.en}: 无数据，权重已重新分配 / no data, weight redistributed`,
    );
  }
  return lines;
}

function clientLines(clientNo: string, s: ClientScoreView): string[] {
  return [
    `客户 Client ${clientNo} (as of ${s.asOf}):`,
    `  等级 Tier: ${s.tier.label.zh} ${s.tier.tier} — ${s.tier.rule.zh}`,
    ...breakdownLines('贡献度 Contribution', s.contribution),
    ...breakdownLines('忠诚度 Loyalty', s.loyalty),
    `  阶段 Stage: ${s.stage.label.zh} ${s.stage.stage} — ${s.stage.rule.zh}`,
    `  客群 Segment: ${s.segment.label.zh} (${s.segment.code})`,
  ];
}

function summaryLines(r: RecomputeReport, wallMs: number): string[] {
  const rate = r.clients / Math.max(0.001, wallMs / 1000);
  return [
    `客户评分已完成 Client book scored as of ${r.asOf}: ${r.clients} clients in ${(wallMs / 1000).toFixed(1)} s (${Math.round(rate)} clients/s; recompute ${(r.elapsedMs / 1000).toFixed(1)} s)`,
    `  等级 Tiers: ${CLIENT_TIERS.map((t) => `${TIER_LABELS[t].zh} ${t} ${r.byTier[t]}`).join(' · ')}`,
    `  阶段 Stages: ${LIFECYCLE_STAGES.map((s) => `${STAGE_LABELS[s].zh} ${s} ${r.byStage[s]}`).join(' · ')}`,
    ...(r.absentEverywhere.length > 0 ? [`  无数据的因子 Components without data (weights renormalised): ${r.absentEverywhere.join(', ')}`] : []),
  ];
}

/**
 * `branch-workbench score [--as-of DATE] [--client NO]`: recompute the client book through the same operation
 * as the app (book.recompute, in the job worker), print counts by tier and stage and the time taken; with
 * --client, also that client's breakdown exactly as the client page gets it (clients.get).
 */
export async function runScoreCommand(common: CommonFlags, flags: Flags, out: Output): Promise<void> {
  const asOf = flags['as-of'];
  if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) throw new UsageError('--as-of must be a date YYYY-MM-DD');
  const clientNo = flags['client'];
  if (clientNo !== undefined && typeof clientNo !== 'string') throw new UsageError('--client takes a client number');
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    const started = performance.now();
    const onProgress = out.json ? undefined : (p: { done: number; total?: number }) => process.stderr.write(`\rbook.recompute: ${p.done}/${p.total ?? '?'}   `);
    const report = unwrap(
      await app.dispatcher.invoke('book.recompute', asOf === undefined ? {} : { asOf }, onProgress === undefined ? { session } : { session, onProgress }),
    );
    const elapsedMs = Math.round(performance.now() - started);
    if (!out.json) process.stderr.write('\n');
    const client = clientNo === undefined ? null : unwrap(await app.dispatcher.invoke('clients.get', { clientNo }, { session }));
    const lines = summaryLines(report, elapsedMs);
    if (client !== null) lines.push(...(client.score === null ? [`客户 Client ${client.clientNo}: 无评分 / not scored`] : clientLines(client.clientNo, client.score)));
    out.result({ ...report, wallMs: elapsedMs, ...(client === null ? {} : { client: { clientNo: client.clientNo, score: client.score } }) }, lines.join('\n'));
  } finally {
    app.close();
  }
}
