import type { z } from 'zod';
import { api, isOpName } from '../../shared/api/index.js';
import type { OpName, OpOutput } from '../../shared/api/index.js';
import type { Progress } from '../../shared/api/contract.js';
import type { ApiError, ApiResult } from '../../shared/api/errors.js';
import { pickText } from '../../shared/i18n/locale.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import { isAppError } from '../platform/app-error.js';
import { createLogger } from '../platform/log.js';
import { sqliteCode } from '../store/sqlite.js';
import { appendAudit } from '../security/audit.js';
import { auditEntryForCall } from '../security/audit-entry.js';
import type { AppServices, AuditNote, Handlers, Session } from './types.js';

const log = createLogger('dispatcher');

export interface CallContext {
  session: Session;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface Dispatcher {
  call(name: string, rawInput: unknown, ctx: CallContext): Promise<ApiResult<unknown>>;
  /** Typed in-process call for the CLI and tests. */
  invoke<K extends OpName>(name: K, input: unknown, ctx: CallContext): Promise<ApiResult<OpOutput<K>>>;
}

function fail(code: ApiError['code'], text: LocalizedText, session: Session, details?: ApiError['details']): ApiResult<never> {
  const error: ApiError = { code, message: pickText(text, session.locale) };
  if (details !== undefined) {
    // Problems that carry both languages are given to the caller in theirs.
    const problems = details.problems?.map(({ text: t, ...p }) => (t === undefined ? p : { ...p, message: pickText(t, session.locale) }));
    error.details = problems === undefined ? details : { ...details, problems };
  }
  return { ok: false, error };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): Array<{ path: string; message: string }> {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}

/** SQLite's "another writer holds the lock" after busy_timeout, e.g. while a job commits in its worker. */
function isBusy(e: unknown): boolean {
  const code = sqliteCode(e);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * The one place every transport goes through: operation lookup, role check,
 * input validation, then the handler; errors always come back as values.
 */
export function createDispatcher(handlers: Handlers, services: AppServices): Dispatcher {
  const call = async (name: string, rawInput: unknown, ctx: CallContext): Promise<ApiResult<unknown>> => {
    const { session } = ctx;
    if (!isOpName(name)) {
      return fail('UNKNOWN_OPERATION', { zh: `未知的操作：${name}`, en: `Unknown operation: ${name}` }, session);
    }
    const spec = api[name];
    const audited = spec.mutates || spec.exports || name === 'auth.login';
    // Changes, exports and sign-ins are recorded whatever their outcome; so are refusals of a role.
    const record = (outcome: 'ok' | 'denied' | 'failed', input: unknown, result: ApiResult<unknown>, note?: AuditNote): void => {
      try {
        const given = (input as { username?: unknown } | null)?.username;
        const who = name === 'auth.login' || name === 'auth.setup' ? { userName: typeof given === 'string' ? given : '', role: session.authenticated ? session.role : 'anonymous' } : session;
        appendAudit(
          services.store,
          auditEntryForCall({
            session: { userName: who.userName, role: who.role as Session['role'] },
            operation: name,
            outcome,
            at: services.clock.now(),
            input,
            ...(result.ok ? {} : { error: { code: result.error.code, message: result.error.message } }),
            ...(note ?? {}),
          }),
        );
      } catch (e) {
        log.error('audit append failed', { operation: name, error: String(e) });
      }
    };
    const denied = (result: ApiResult<never>): ApiResult<never> => {
      if (audited || (!result.ok && result.error.code === 'FORBIDDEN')) record('denied', rawInput, result);
      return result;
    };
    if (!spec.public && !session.authenticated) {
      return denied(fail('UNAUTHENTICATED', { zh: '请先登录（或会话已因长时间未操作而锁定）', en: 'Sign in first (or the session locked after being idle)' }, session, { operation: name }));
    }
    if (!spec.public && session.mustChangePassword === true && !name.startsWith('auth.')) {
      return denied(fail('FORBIDDEN', { zh: '请先修改初始密码', en: 'Change your first password before going on' }, session, { operation: name, mustChangePassword: true }));
    }
    if (!spec.public && !spec.roles.includes(session.role)) {
      return denied(
        fail('FORBIDDEN', { zh: `当前角色无权执行 ${name}`, en: `Your role may not call ${name}` }, session, {
          operation: name,
          role: session.role,
        }),
      );
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues);
      const first = problems[0];
      return fail(
        'INVALID_INPUT',
        {
          zh: `${name} 的输入无效：${first ? `${first.path}：${first.message}` : ''}`,
          en: `Invalid input for ${name}: ${first ? `${first.path}: ${first.message}` : ''}`,
        },
        session,
        { problems },
      );
    }
    const signal = ctx.signal ?? new AbortController().signal;
    if (signal.aborted) return fail('CANCELLED', { zh: '操作已取消', en: 'Operation cancelled' }, session);
    const handler = handlers[name] as (input: unknown, c: unknown) => unknown;
    let note: AuditNote | undefined;
    const result = await (async (): Promise<ApiResult<unknown>> => {
    try {
      const value = await handler(parsed.data, {
        ...services,
        session,
        signal,
        progress: (p: Progress) => ctx.onProgress?.(p),
        auditNote: (n: AuditNote) => {
          note = n;
        },
      });
      return { ok: true, value };
    } catch (e) {
      if (isAppError(e)) return fail(e.code, e.text, session, e.details);
      if (signal.aborted) return fail('CANCELLED', { zh: '操作已取消', en: 'Operation cancelled' }, session);
      if (isBusy(e)) {
        return fail('STORE_LOCKED', { zh: '工作区正忙（正在导入或生成数据），请稍后再试。', en: 'The workspace is busy (an import or build is running); try again shortly.' }, session);
      }
      log.error('handler failed', { operation: name, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      return fail('INTERNAL', { zh: `内部错误：${String(e)}`, en: `Internal error: ${String(e)}` }, session);
    }
    })();
    if (audited) record(result.ok ? 'ok' : 'failed', parsed.data, result, note);
    return result;
  };
  return {
    call,
    invoke: (name, input, ctx) => call(name, input, ctx) as never,
  };
}
