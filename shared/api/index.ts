import type { z } from 'zod';
import type { OpSpec } from './contract.js';
import { clientsOps } from './ops/clients.js';
import { demoOps } from './ops/demo.js';
import { orgOps } from './ops/org.js';
import { preferencesOps } from './ops/preferences.js';
import { systemOps } from './ops/system.js';

/** The whole API: every operation the renderer may ask of the main process. */
export const api = {
  ...systemOps,
  ...preferencesOps,
  ...demoOps,
  ...orgOps,
  ...clientsOps,
} as const;

export type Api = typeof api;
export type OpName = keyof Api;
/** What a caller sends (defaults not yet applied). */
export type OpInput<K extends OpName> = z.input<Api[K]['input']>;
/** What a handler receives (validated, defaults applied). */
export type OpParsed<K extends OpName> = z.output<Api[K]['input']>;
export type OpOutput<K extends OpName> = Api[K] extends OpSpec<z.ZodType, infer O> ? O : never;

export const OP_NAMES: ReadonlySet<string> = new Set(Object.keys(api));

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && OP_NAMES.has(name);
}

export type { ApiError, ApiResult, ErrorCode } from './errors.js';
export type { Progress, Role, Scope } from './contract.js';
