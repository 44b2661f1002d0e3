import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/security/audit.js';
import { openStore } from '../../electron/store/store.js';
import { SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

const SEEDED = 120;
const USERS = ['alice', 'bob', 'carol'] as const;
const OUTCOMES = ['ok', 'denied', 'failed', 'ok'] as const;

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp('e2e-audit', {
    prepare: (dbFile) => {
      const store = openStore(dbFile);
      try {
        for (let i = 0; i < SEEDED; i++) {
          appendAudit(store, {
            at: new Date(2026, 10, 1 + (i % 20), 10, i % 60),
            username: USERS[i % 3] ?? 'alice',
            role: 'supervisor',
            action: i % 2 === 0 ? 'clients.export' : 'book.setStrategy',
            outcome: OUTCOMES[i % 4] ?? 'ok',
            entity: 'segment',
            entityId: `S${i}`,
            detail: { note: `第 ${i} 条` },
            ...(i % 2 === 1 ? { before: { text: '旧策略' }, after: { text: '新策略' } } : {}),
          });
        }
      } finally {
        store.close();
      }
    },
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const card = (): ReturnType<Page['getByTestId']> => page.getByTestId('audit-card');
const ready = (): Promise<void> => page.locator('[data-testid="audit-card"][data-state="ready"]').waitFor();

describe('the audit log viewer (设置 → 审计日志)', () => {
  it('lists, filters, pages, expands and verifies the chain, and shows a tampered entry', async () => {
    await app.openNav('settings');
    await ready();
    expect(await card().getByTestId('audit-row').count()).toBe(50);

    await page.getByTestId('audit-older').click();
    await page.locator('[data-testid="audit-page"]', { hasText: '2' }).waitFor();
    await ready();
    await page.getByTestId('audit-newer').click();
    await ready();

    await page.getByTestId('audit-filter-user').locator('input').fill('bob');
    await page.getByTestId('audit-filter-outcome').click();
    await page.getByRole('option', { name: '拒绝' }).click();
    await page.getByTestId('audit-filter-apply').click();
    await ready();
    const rows = card().getByTestId('audit-row');
    // bob is i % 3 == 1, denied is i % 4 == 1: i ≡ 1 (mod 12), ten of the 120.
    expect(await rows.count()).toBe(10);
    for (const outcome of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))) expect(outcome).toBe('denied');

    const firstId = await rows.first().getAttribute('data-audit-id');
    await page.getByTestId(`audit-expand-${firstId}`).click();
    const details = page.getByTestId(`audit-details-${firstId}`);
    await details.waitFor();
    expect(await details.innerText()).toContain('新策略');

    await page.getByTestId('audit-verify-run').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.innerText()).toContain('审计链完整');

    const raw = new Database(app.dbFile);
    try {
      raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET outcome = 'ok' WHERE id = 14;");
    } finally {
      raw.close();
    }
    await page.getByTestId('audit-verify-run').click();
    await page.locator('[data-testid="audit-verify-result"][data-ok="false"]').waitFor();
    expect(await result.innerText()).toContain('审计链已损坏：第 14 条记录的内容与哈希不符');
    await card().screenshot({ path: path.join(SCREENSHOT_DIR, 'audit-viewer.png') });
  });
});
