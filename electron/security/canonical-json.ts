/**
 * JSON with every object's keys sorted by UTF-16 code unit (recursively) and no whitespace, so the same value
 * always gives the same text and an audit entry's hash can be recomputed from the stored columns by any JSON
 * library that sorts keys. Otherwise JSON.stringify's rules apply: `toJSON` first (dates become ISO strings),
 * undefined and functions dropped from objects and null in arrays, non-finite numbers null, a cycle an error.
 *
 * Written out rather than a JSON.stringify replacer because JS objects list integer-like keys ("9" before "10")
 * ahead of the others whatever the insertion order, so re-inserting keys cannot give code-unit order.
 * Returns null for a value JSON cannot hold at the top level (undefined, a function).
 */
export function canonicalJson(value: unknown): string | null {
  return write(value, '', new Set()) ?? null;
}

function write(input: unknown, key: string, stack: Set<object>): string | undefined {
  let v = input;
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  // Boxed primitives serialise as their values, as in JSON.stringify.
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a BigInt has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (v === null) return 'null';
  const obj = v as object;
  if (stack.has(obj)) throw new TypeError('canonicalJson: the value contains a cycle');
  stack.add(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj.map((item: unknown, i) => write(item, String(i), stack) ?? 'null').join(',')}]`;
    }
    const record = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(record).sort()) {
      const text = write(record[k], k, stack);
      if (text !== undefined) parts.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    stack.delete(obj);
  }
}
