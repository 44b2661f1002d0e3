import { z } from 'zod';
import { ADMIN_ONLY, ALL_ROLES, ROLES, op } from '../contract.js';
import type { Role } from '../contract.js';

/** A local account as the API shows it (never the password hash). */
export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null;
  managerId: number | null;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface AuthStatus {
  /** No account exists yet: the first start creates the administrator. */
  setupNeeded: boolean;
  /** The caller's account when signed in. */
  user: UserInfo | null;
  /** Sessions end after this many idle minutes. */
  idleMinutes: number;
}

export interface SignedIn {
  /** Sent back with every call (header `x-workbench-session` in browser mode). */
  token: string;
  user: UserInfo;
}

const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, . _ -');
const password = z.string().min(1).max(200);
const displayName = z.string().trim().min(1).max(32);

export const authOps = {
  'auth.status': op<AuthStatus>()({
    summary: 'Whether the first administrator must be created, and who is signed in',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
    public: true,
  }),
  'auth.setup': op<SignedIn>()({
    summary: 'First start: create the administrator account and sign in',
    input: z.object({ username, displayName, password }).strict(),
    roles: ALL_ROLES,
    scope: 'any',
    public: true,
    mutates: true,
  }),
  'auth.login': op<SignedIn>()({
    summary: 'Sign in with a user name and password',
    input: z.object({ username: z.string().trim().min(1).max(64), password }).strict(),
    roles: ALL_ROLES,
    scope: 'any',
    public: true,
  }),
  'auth.logout': op<{ ok: true }>()({
    summary: 'Sign out',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
  }),
  'auth.changePassword': op<{ ok: true }>()({
    summary: 'Change the signed-in user’s password',
    input: z.object({ oldPassword: password, newPassword: password }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'users.list': op<UserInfo[]>()({
    summary: 'Every local account',
    input: z.object({}).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
  }),
  'users.create': op<UserInfo>()({
    summary: 'Create an account; the user must change the first password at sign-in',
    input: z
      .object({
        username,
        displayName,
        role: z.enum(ROLES),
        orgUnitId: z.number().int().positive().nullable().optional(),
        managerId: z.number().int().positive().nullable().optional(),
        password,
      })
      .strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
  'users.update': op<UserInfo>()({
    summary: 'Change an account’s name, role, scope, or disable it',
    input: z
      .object({
        id: z.number().int().positive(),
        displayName: displayName.optional(),
        role: z.enum(ROLES).optional(),
        orgUnitId: z.number().int().positive().nullable().optional(),
        managerId: z.number().int().positive().nullable().optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
  'users.resetPassword': op<UserInfo>()({
    summary: 'Set a new first password (clears a lockout; the user must change it)',
    input: z.object({ id: z.number().int().positive(), password }).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
  'security.setIdleMinutes': op<{ idleMinutes: number }>()({
    summary: 'Minutes of inactivity after which a session ends (auto-lock)',
    input: z.object({ idleMinutes: z.number().int().min(1).max(480) }).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
};
