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
import type { AppServices, Handlers, Session } from './types.js';

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
    if (!spec.roles.includes(session.role)) {
      return fail('FORBIDDEN', { zh: `当前角色无权执行 ${name}`, en: `Your role may not call ${name}` }, session, {
        operation: name,
        role: session.role,
      });
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
    try {
      const value = await handler(parsed.data, {
        ...services,
        session,
        signal,
        progress: (p: Progress) => ctx.onProgress?.(p),
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
  };
  return {
    call,
    invoke: (name, input, ctx) => call(name, input, ctx) as never,
  };
}
