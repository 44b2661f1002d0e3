import crypto from 'node:crypto';
import type { Locale } from '../../shared/i18n/locale.js';
import type { UserInfo } from '../../shared/api/ops/auth.js';
import type { Session } from '../api/types.js';

interface Entry {
  session: Session;
  lastSeen: number;
}

/**
 * Signed-in sessions, in memory only (a restart signs everyone out). A session unused for the idle time is
 * gone: the next call is refused as unauthenticated and the renderer shows the lock screen.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly idleMs: () => number,
  ) {}

  open(user: UserInfo, locale: Locale): { token: string; session: Session } {
    const token = crypto.randomBytes(32).toString('base64url');
    const session: Session = {
      userName: user.username,
      userId: user.id,
      role: user.role,
      orgUnitIds: user.role === 'supervisor' && user.orgUnitId !== null ? [user.orgUnitId] : null,
      managerId: user.role === 'manager' ? user.managerId : null,
      locale,
      authenticated: true,
      mustChangePassword: user.mustChangePassword,
      token,
    };
    this.sessions.set(token, { session, lastSeen: this.now() });
    return { token, session };
  }

  /** The live session for a token (and it counts as activity), or null when unknown or idle too long. */
  resolve(token: string | undefined, locale: Locale): Session | null {
    if (token === undefined || token === '') return null;
    const entry = this.sessions.get(token);
    if (entry === undefined) return null;
    const now = this.now();
    if (now - entry.lastSeen > this.idleMs()) {
      this.sessions.delete(token);
      return null;
    }
    entry.lastSeen = now;
    return { ...entry.session, locale };
  }

  close(token: string | undefined): void {
    if (token !== undefined) this.sessions.delete(token);
  }

  /** Signs a user out everywhere (disabled, role changed, password reset). */
  closeUser(userId: number): void {
    for (const [token, e] of this.sessions) if (e.session.userId === userId) this.sessions.delete(token);
  }

  /** After a password change the session no longer needs one. */
  markPasswordChanged(token: string): void {
    const e = this.sessions.get(token);
    if (e !== undefined) e.session = { ...e.session, mustChangePassword: false };
  }
}

export function anonymousSession(locale: Locale): Session {
  return { userName: '', role: 'manager', orgUnitIds: [], managerId: null, locale, authenticated: false };
}
