import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/locale.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import { MANAGER_GRADES, MANAGER_STATUSES, MANAGER_TYPES } from '../../shared/model/manager.js';
import { ORG_LEVELS } from '../../shared/model/org.js';
import { clientTierKey, gradeKey, managerStatusKey, managerTypeKey, orgLevelKey } from '../../renderer/src/i18n/labels.js';
import { LOCALE_STORAGE_KEY, parseLocale, readStoredLocale } from '../../renderer/src/i18n/locale-storage.js';
import { MESSAGES, formatMessage, placeholdersOf, translator } from '../../renderer/src/i18n/messages.js';
import type { MessageKey } from '../../renderer/src/i18n/messages.js';
import { PAGE_KEYS } from '../../renderer/src/routing/routes.js';

const zhKeys = Object.keys(MESSAGES['zh-CN']).sort() as MessageKey[];

describe('dictionaries', () => {
  it('have the same keys in every language', () => {
    for (const locale of LOCALES) expect(Object.keys(MESSAGES[locale]).sort()).toEqual(zhKeys);
  });

  it('have no empty strings', () => {
    for (const locale of LOCALES) {
      for (const key of zhKeys) expect(MESSAGES[locale][key].trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of zhKeys) {
      expect(placeholdersOf(MESSAGES.en[key]), key).toEqual(placeholdersOf(MESSAGES['zh-CN'][key]));
    }
  });

  it('name every navigation entry', () => {
    const zh = translator('zh-CN');
    expect(PAGE_KEYS.map((p) => zh(`nav.${p}`))).toEqual([
      '工作台',
      '客户',
      '客户分群',
      '客户经理',
      '管户分配',
      '管户覆盖',
      '客户移交',
      '任务指标',
      '任务',
      '工作日志',
      '考核',
      '报表',
      '报表模板',
      '上报包/汇总',
      '导入',
      '设置',
    ]);
  });

  it('label every model code in both languages', () => {
    const keys = [
      ...MANAGER_GRADES.map(gradeKey),
      ...MANAGER_TYPES.map(managerTypeKey),
      ...MANAGER_STATUSES.map(managerStatusKey),
      ...ORG_LEVELS.map(orgLevelKey),
      ...CLIENT_TIERS.map(clientTierKey),
    ];
    for (const locale of LOCALES) for (const key of keys) expect(MESSAGES[locale][key], `${locale} ${key}`).toBeTruthy();
  });

  it('use the bank’s Chinese terms for the model codes', () => {
    const zh = translator('zh-CN');
    expect(MANAGER_GRADES.map((g) => zh(gradeKey(g)))).toEqual(['见习客户经理', '客户经理', '高级客户经理']);
    expect(MANAGER_TYPES.map((x) => zh(managerTypeKey(x)))).toEqual(['专职', '兼职']);
    expect(MANAGER_STATUSES.map((s) => zh(managerStatusKey(s)))).toEqual(['在岗', '休假', '调离', '离职']);
    expect(ORG_LEVELS.map((l) => zh(orgLevelKey(l)))).toEqual(['总行', '一级分行', '二级分行', '支行', '网点']);
    expect(CLIENT_TIERS.map((c) => zh(clientTierKey(c)))).toEqual(['普通', '金卡', '白金', '钻石', '私行']);
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('第 {page} 页，{count} 位', { page: 2, count: '50' })).toBe('第 2 页，50 位');
    expect(formatMessage('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('lists placeholders once, sorted', () => {
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b']);
  });
});

describe('stored locale', () => {
  it('accepts only known locales', () => {
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('zh-CN')).toBe('zh-CN');
    expect(parseLocale('fr')).toBeNull();
    expect(parseLocale(null)).toBeNull();
  });

  it('survives storage that throws', () => {
    expect(readStoredLocale({ getItem: () => { throw new Error('denied'); } })).toBeNull();
    expect(readStoredLocale({ getItem: (k) => (k === LOCALE_STORAGE_KEY ? 'en' : null) })).toBe('en');
  });
});
