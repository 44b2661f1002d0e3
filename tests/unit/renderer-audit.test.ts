import { describe, expect, it } from 'vitest';
import type { AuditVerifyReport } from '../../shared/api/ops/audit.js';
import { translator } from '../../renderer/src/i18n/messages.js';
import {
  EMPTY_AUDIT_FORM,
  auditPageInput,
  auditPageNumber,
  entityText,
  filtersOf,
  firstAuditPage,
  formatAuditTime,
  hasDetails,
  newerPage,
  olderPage,
  roleLabel,
  verifyText,
} from '../../renderer/src/pages/audit/audit-view.js';

describe('audit viewer', () => {
  it('sends only the filters that were filled in, trimmed', () => {
    expect(filtersOf(EMPTY_AUDIT_FORM)).toEqual({});
    expect(filtersOf({ username: ' alice ', action: 'clients', outcome: 'denied', from: '2026-11-01', to: '', text: '  ' })).toEqual({
      username: 'alice',
      action: 'clients',
      outcome: 'denied',
      from: '2026-11-01',
    });
  });

  it('pages to older entries with the cursor and back to newer ones', () => {
    let p = firstAuditPage({ username: 'bob' });
    expect(auditPageInput(p)).toEqual({ filters: { username: 'bob' }, limit: 50 });
    p = olderPage(p, 951);
    p = olderPage(p, 901);
    expect(auditPageNumber(p)).toBe(3);
    expect(auditPageInput(p, 10)).toEqual({ filters: { username: 'bob' }, limit: 10, before: 901 });
    expect(olderPage(p, null)).toBe(p);
    p = newerPage(newerPage(newerPage(p)));
    expect(auditPageNumber(p)).toBe(1);
    expect(auditPageInput(p)).toEqual({ filters: { username: 'bob' }, limit: 50 });
  });

  it('words the verification result in both languages', () => {
    const intact: AuditVerifyReport = { ok: true, entries: 1200, lastId: 1200, head: { id: 1200, hash: 'h' } };
    const broken: AuditVerifyReport = { ok: false, entries: 17, lastId: 16, head: { id: 1200, hash: 'h' }, firstBroken: { id: 17, reason: 'hash mismatch' } };
    const cut: AuditVerifyReport = { ...broken, firstBroken: { id: 1200, reason: 'chain break' } };
    expect(verifyText(intact, translator('zh-CN'))).toBe('审计链完整：共 1200 条记录，逐条校验无误。');
    expect(verifyText(broken, translator('zh-CN'))).toBe('审计链已损坏：第 17 条记录的内容与哈希不符（记录被修改）。');
    expect(verifyText(cut, translator('en'))).toContain('broken at entry #1200: it does not follow the entry before it');
  });

  it('labels known roles and shows others as recorded', () => {
    expect(roleLabel('supervisor', translator('zh-CN'))).toBe('客户经理主管');
    expect(roleLabel('system', translator('en'))).toBe('system');
  });

  it('formats times, entities and whether a row opens', () => {
    const d = new Date(2026, 10, 22, 9, 5, 7);
    expect(formatAuditTime(d.toISOString())).toBe('2026-11-22 09:05:07');
    expect(formatAuditTime('not a time')).toBe('not a time');
    expect(entityText({ entity: 'client', entityId: 'C001' })).toBe('client C001');
    expect(entityText({ entity: null, entityId: null })).toBe('—');
    expect(hasDetails({ detail: null, before: null, after: null })).toBe(false);
    expect(hasDetails({ detail: null, before: { a: 1 }, after: null })).toBe(true);
  });
});
