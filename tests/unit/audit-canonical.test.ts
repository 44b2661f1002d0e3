import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_HASH_VERSION, GENESIS_HASH, auditHash } from '../../electron/security/audit.js';
import type { AuditHashedFields } from '../../electron/security/audit.js';
import { auditEntryForCall, redactForAudit } from '../../electron/security/audit-entry.js';
import { canonicalJson } from '../../electron/security/canonical-json.js';

/**
 * A second, deliberately different implementation: JSON.parse(JSON.stringify()) first (so toJSON, undefined and
 * NaN follow the platform's rules), then keys sorted by comparing UTF-16 code units one by one.
 */
function independentCanonical(value: unknown): string {
  const compare = (a: string, b: string): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = a.charCodeAt(i) - b.charCodeAt(i);
      if (d !== 0) return d;
    }
    return a.length - b.length;
  };
  const emit = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(emit).join(',')}]`;
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compare(a, b));
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${emit(x)}`).join(',')}}`;
    }
    return JSON.stringify(v);
  };
  return emit(JSON.parse(JSON.stringify(value)) as unknown);
}

/** A small deterministic generator (mulberry32) for random nested values. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'B', 'b', '10', '9', '0', '', '中文', '姓名', 'é', '\uff01', '𝒳', '__proto__x', 'a.b', ' '];

function randomValue(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 5 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return Math.round((r() - 0.5) * 1e6) / (r() < 0.5 ? 1 : 100);
    case 3:
      return ['', '客户经理', 'line\nbreak', 'quote"\\', '\u0001', '😀'][Math.floor(r() * 6)];
    case 4:
      return new Date(Date.UTC(2026, Math.floor(r() * 12), 1 + Math.floor(r() * 28)));
    case 5:
    case 6: {
      const out: Record<string, unknown> = {};
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++) out[KEYS[Math.floor(r() * KEYS.length)] ?? 'k'] = randomValue(r, depth + 1);
      if (r() < 0.2) out['skipped'] = undefined;
      return out;
    }
    default:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  }
}

/** The same members inserted in reverse order, at every level. */
function reversedInsertion(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedInsertion);
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse().map(([k, x]) => [k, reversedInsertion(x)]));
  }
  return v;
}

describe('canonicalJson', () => {
  it('sorts keys at every level by UTF-16 code unit, integer-like keys included, without whitespace', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: null }, 10: 'ten', 9: 'nine', 中: '文' };
    expect(canonicalJson(value)).toBe('{"10":"ten","9":"nine","a":{"c":null,"d":[{"y":2,"z":1}]},"b":1,"中":"文"}');
    // U+1D4B3 is a surrogate pair starting 0xD835, so it sorts before U+FF01 by code unit (not by code point).
    expect(canonicalJson({ '\uff01': 1, '𝒳': 2 })).toBe('{"𝒳":2,"！":1}');
  });

  it('follows JSON.stringify for dates, undefined, non-finite numbers and the top level', () => {
    expect(canonicalJson({ when: new Date(Date.UTC(2026, 10, 22, 1, 2, 3)), gone: undefined, f: () => 1 })).toBe('{"when":"2026-11-22T01:02:03.000Z"}');
    expect(canonicalJson([undefined, NaN, Infinity, -0, 1.5e-7])).toBe('[null,null,null,0,1.5e-7]');
    expect(canonicalJson(undefined)).toBeNull();
    expect(canonicalJson('客户"经理"')).toBe('"客户\\"经理\\""');
    expect(canonicalJson(null)).toBe('null');
  });

  it('refuses what JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
    expect(() => canonicalJson({ n: 10n })).toThrow(/BigInt/);
    // The same object twice is not a cycle.
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('agrees with an independent implementation and ignores insertion order, on 500 random values', () => {
    const r = rng(20261122);
    for (let i = 0; i < 500; i++) {
      const v = randomValue(r, 0);
      const text = canonicalJson(v);
      expect(text, `value ${i}`).toBe(independentCanonical(v));
      expect(canonicalJson(reversedInsertion(v))).toBe(text);
      expect(JSON.parse(text ?? 'null')).toEqual(JSON.parse(JSON.stringify(v) ?? 'null'));
    }
  });
});

describe('auditHash', () => {
  const fields: AuditHashedFields = {
    at: '2026-11-22T01:00:00.000Z',
    username: '张三',
    role: 'admin',
    action: 'clients.export',
    outcome: 'ok',
    entity: 'client',
    entity_id: 'C001',
    detail: '{"filters":{"tier":"gold"}}',
    before: null,
    after: null,
    prev_hash: GENESIS_HASH,
  };

  it('is SHA-256 over the JSON array of the stored columns, reproducible by hand', () => {
    const text = `["${AUDIT_HASH_VERSION}","2026-11-22T01:00:00.000Z","张三","admin","clients.export","ok","client","C001","{\\"filters\\":{\\"tier\\":\\"gold\\"}}",null,null,"${'0'.repeat(64)}"]`;
    const expected = crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
    expect(auditHash(fields)).toBe(expected);
    expect(auditHash(fields)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every covered field', () => {
    const base = auditHash(fields);
    for (const key of Object.keys(fields) as Array<keyof AuditHashedFields>) {
      const changed = { ...fields, [key]: fields[key] === null ? 'x' : `${fields[key]}x` };
      expect(auditHash(changed), key).not.toBe(base);
    }
    // null and the text "null" are different entries.
    expect(auditHash({ ...fields, before: 'null' })).not.toBe(base);
  });
});

describe('auditEntryForCall', () => {
  it('records who, what and the input with secrets and bulk cut', () => {
    const entry = auditEntryForCall({
      session: { userName: 'admin', role: 'admin' },
      operation: 'users.resetPassword',
      outcome: 'failed',
      at: new Date(Date.UTC(2026, 10, 22)),
      input: { username: 'bob', newPassword: 'S3cret!pass', nested: { apiToken: 'abc', list: Array.from({ length: 105 }, (_, i) => i) }, note: 'x'.repeat(1005) },
      error: { code: 'NOT_FOUND', message: 'no such user' },
    });
    expect(entry).toMatchObject({ username: 'admin', role: 'admin', action: 'users.resetPassword', outcome: 'failed', entity: null, entityId: null });
    const text = canonicalJson(entry.detail) ?? '';
    expect(text).not.toContain('S3cret');
    expect(text).not.toContain('abc');
    expect(text).toContain('"newPassword":"[redacted]"');
    expect(text).toContain('"error":{"code":"NOT_FOUND","message":"no such user"}');
    expect(text).toContain('…(+5)');
    expect(redactForAudit('short')).toBe('short');
  });

  it('leaves the detail out when there is nothing to say', () => {
    const entry = auditEntryForCall({ session: { userName: 'u', role: 'manager' }, operation: 'auth.logout', outcome: 'ok', at: new Date(0) });
    expect(entry.detail).toBeUndefined();
  });
});
