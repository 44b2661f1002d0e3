import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store.js';
import { makeTempDir } from '../helpers/temp.js';
import { SCREENSHOT_DIR, launchChromium, signInAsAdmin, startServe } from './support/browser-mode.js';
import type { RunningServer } from './support/browser-mode.js';

/** An encrypted workspace served without BW_PASSPHRASE: the page asks for the passphrase, then for the sign-in. */
const PASS = '网点 unlock passphrase 2026!';
const tmp = makeTempDir('e2e-unlock');
let server: RunningServer | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  tmp.cleanup();
});

describe('unlocking an encrypted workspace in the window', () => {
  it('refuses a wrong passphrase, opens with the right one and goes on to the first-start setup', async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const dbFile = path.join(tmp.dir, 'workspace.db');
    openStore(dbFile, { passphrase: PASS }).close();
    server = await startServe(dbFile, [], { BW_PASSPHRASE: undefined, BW_RECOVERY_PASSPHRASE: undefined });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await page.goto(server.url);
    await page.locator('body[data-app-state="locked"]').waitFor();

    const unlock = page.getByTestId('unlock-page');
    expect(await unlock.innerText()).toContain('解锁工作区');
    expect(await page.getByTestId('unlock-file').innerText()).toBe('workspace.db');
    expect(await page.getByTestId('unlock-submit').isDisabled()).toBe(true);

    await page.getByTestId('unlock-passphrase').fill('不是这个口令');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('unlock-error').waitFor();
    expect(await page.getByTestId('unlock-error').innerText()).toContain('口令不正确');
    // The field is cleared after each attempt: the passphrase is not left in the page.
    expect(await page.getByTestId('unlock-passphrase').inputValue()).toBe('');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'unlock.png') });

    await page.getByTestId('unlock-language').click();
    await page.locator('html[lang="en"]').waitFor();
    expect(await unlock.innerText()).toContain('Unlock the workspace');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'unlock-en.png') });
    await page.getByTestId('unlock-language').click();
    await page.locator('html[lang="zh-CN"]').waitFor();

    // The third wrong passphrase in a row makes the next attempt wait 5 s: the page counts down, the button waits.
    for (const guess of ['第二次错误', '第三次错误']) {
      await page.getByTestId('unlock-passphrase').fill(guess);
      await page.getByTestId('unlock-submit').click();
      await page.locator('[data-testid="unlock-submit"]:has-text("解锁")').waitFor();
    }
    await page.getByTestId('unlock-wait').waitFor();
    expect(await page.getByTestId('unlock-wait').innerText()).toMatch(/请在 [1-5] 秒后再试/);
    await page.getByTestId('unlock-passphrase').fill(PASS);
    expect(await page.getByTestId('unlock-submit').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'unlock-throttled.png'), animations: 'disabled' });
    await page.getByTestId('unlock-wait').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('unlock-submit').click();
    await page.locator('body[data-app-state="ready"]').waitFor();
    await page.getByTestId('auth-setup').waitFor();
    await signInAsAdmin(page);
    expect(await page.getByTestId('nav-clients').innerText()).toContain('客户');

    // A reload keeps the server unlocked: straight to the sign-in, no second unlock.
    await page.reload();
    await page.locator('body[data-app-state="ready"]').waitFor();
    await page.getByTestId('auth-login').waitFor();
    expect(await page.getByTestId('unlock-page').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'unlock-after.png') });
  });
});
