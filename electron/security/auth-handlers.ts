import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { readSetting, writeSetting } from '../store/settings.js';
import type { Store } from '../store/store.js';
import type { UserInfo } from '../../shared/api/ops/auth.js';
import { changePassword, checkLogin, createUser, getUser, hasUsers, listUsers, recordLogin, resetPassword, updateUser } from './users.js';

export const IDLE_MINUTES_KEY = 'security.idleMinutes';
export const DEFAULT_IDLE_MINUTES = 15;

export function idleMinutes(store: Store): number {
  return readSetting<number>(store, IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES);
}

const now = (ctx: HandlerContext): string => ctx.clock.now().toISOString();

function signIn(ctx: HandlerContext, user: UserInfo): { token: string; user: UserInfo } {
  const { token } = ctx.sessions.open(user, ctx.session.locale);
  return { token, user };
}

const unauthenticated = (): never => {
  throw new AppError('UNAUTHENTICATED', { zh: '用户名或密码不正确', en: 'Wrong user name or password' });
};

export const authHandlers: DomainHandlers<'auth'> = {
  'auth.status': (_input, ctx) => ({
    setupNeeded: !hasUsers(ctx.store),
    user: ctx.session.authenticated && ctx.session.userId !== undefined ? getUser(ctx.store, ctx.session.userId) : null,
    idleMinutes: idleMinutes(ctx.store),
  }),
  'auth.setup': (input, ctx) => {
    if (hasUsers(ctx.store)) throw new AppError('CONFLICT', { zh: '系统管理员已创建，请登录', en: 'The administrator exists already; sign in' });
    const user = createUser(ctx.store, { ...input, role: 'admin' }, now(ctx));
    return signIn(ctx, recordLogin(ctx.store, user.id, ctx.clock.now()));
  },
  'auth.login': (input, ctx) => {
    const result = checkLogin(ctx.store, input.username, input.password, ctx.clock.now());
    if (result.ok) return signIn(ctx, result.user);
    if (result.reason === 'locked') {
      const at = (result.lockedUntil ?? '').slice(11, 16);
      throw new AppError(
        'UNAUTHENTICATED',
        { zh: `连续登录失败次数过多，账号已锁定至 ${at}（UTC），请稍后再试或联系系统管理员`, en: `Too many failed sign-ins: the account is locked until ${at} UTC; try later or ask the administrator` },
        { lockedUntil: result.lockedUntil },
      );
    }
    if (result.reason === 'disabled') throw new AppError('FORBIDDEN', { zh: '该账号已停用，请联系系统管理员', en: 'This account is disabled; ask the administrator' });
    return unauthenticated();
  },
  'auth.logout': (_input, ctx) => {
    ctx.sessions.close(ctx.session.token);
    return { ok: true };
  },
  'auth.changePassword': (input, ctx) => {
    if (ctx.session.userId === undefined) throw new AppError('FORBIDDEN', { zh: '命令行会话没有个人密码', en: 'The command-line session has no password of its own' });
    changePassword(ctx.store, ctx.session.userId, input.oldPassword, input.newPassword, now(ctx));
    if (ctx.session.token !== undefined) ctx.sessions.markPasswordChanged(ctx.session.token);
    return { ok: true };
  },
};

export const usersHandlers: DomainHandlers<'users'> = {
  'users.list': (_input, ctx) => listUsers(ctx.store),
  'users.create': (input, ctx) => createUser(ctx.store, { ...input, mustChange: true }, now(ctx)),
  'users.update': (input, ctx) => {
    const { before, after } = updateUser(ctx.store, input, now(ctx));
    ctx.auditNote({ entity: 'user', entityId: input.id, before, after });
    // A changed role, scope or a disabled account takes effect at once: the user signs in again.
    ctx.sessions.closeUser(input.id);
    return after;
  },
  'users.resetPassword': (input, ctx) => {
    const user = resetPassword(ctx.store, input.id, input.password, now(ctx));
    ctx.auditNote({ entity: 'user', entityId: input.id });
    ctx.sessions.closeUser(input.id);
    return user;
  },
};

export const securityHandlers: DomainHandlers<'security'> = {
  'security.setIdleMinutes': (input, ctx) => {
    ctx.store.transaction(() => writeSetting(ctx.store, IDLE_MINUTES_KEY, input.idleMinutes));
    return { idleMinutes: input.idleMinutes };
  },
};
