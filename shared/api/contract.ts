import type { z } from 'zod';

/** The three roles of the product card. */
export const ROLES = ['admin', 'supervisor', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What part of the data an operation reaches for a caller:
 * - `any`: not tied to the bank's data (app info, preferences);
 * - `org`: the org units the caller is responsible for (and their subtree);
 * - `own`: only the caller's own clients, tasks and sheets.
 */
export type Scope = 'any' | 'org' | 'own';

/** A progress report of a long operation. */
export interface Progress {
  phase: string;
  done: number;
  total?: number;
  message?: string;
}

export interface OpSpec<I extends z.ZodType, O> {
  readonly summary: string;
  readonly input: I;
  readonly roles: readonly Role[];
  readonly scope: Scope;
  /** Changes stored data (audited once the audit log exists). */
  readonly mutates: boolean;
  /** Reports progress and honours cancellation. */
  readonly long: boolean;
  /** Callable before signing in (status, first-start setup, sign-in, app info). */
  readonly public: boolean;
  /** Hands data out of the store (an export or a print): audited like a change. */
  readonly exports: boolean;
  /** Phantom field carrying the output type; never set at runtime. */
  readonly __output?: O;
}

/**
 * Declares one operation. Output is given as a type argument, input as a runtime schema:
 * `op<Out>()({ summary, input: z.object(...), roles, scope })`.
 */
export function op<O>() {
  return <I extends z.ZodType>(spec: {
    summary: string;
    input: I;
    roles: readonly Role[];
    scope: Scope;
    mutates?: boolean;
    long?: boolean;
    public?: boolean;
    exports?: boolean;
  }): OpSpec<I, O> => ({
    summary: spec.summary,
    input: spec.input,
    roles: spec.roles,
    scope: spec.scope,
    mutates: spec.mutates ?? false,
    long: spec.long ?? false,
    public: spec.public ?? false,
    exports: spec.exports ?? false,
  });
}

export const ALL_ROLES: readonly Role[] = ROLES;
export const STAFF_ROLES: readonly Role[] = ['admin', 'supervisor'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
