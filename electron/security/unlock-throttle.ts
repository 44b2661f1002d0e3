/**
 * The growing delay between wrong workspace passphrases typed in the window, on the login lockout's pattern
 * (electron/security/users.ts): a few free attempts, then a wait that doubles with each further failure, capped.
 * It lives in memory only — the store that would keep it is the thing still locked.
 */
export const UNLOCK_FREE_ATTEMPTS = 3;
const BASE_MS = 5_000;
const MAX_MS = 5 * 60_000;

export class UnlockThrottle {
  private failures = 0;
  private blockedUntil = 0;

  /** Milliseconds to wait before the next attempt may run (0: now). */
  waitMs(now: number): number {
    return Math.max(0, this.blockedUntil - now);
  }

  /** A wrong passphrase: from the third in a row on, the next attempt waits 5 s, then 10 s, 20 s … up to 5 min. */
  fail(now: number): void {
    this.failures += 1;
    if (this.failures >= UNLOCK_FREE_ATTEMPTS) {
      this.blockedUntil = now + Math.min(MAX_MS, BASE_MS * 2 ** (this.failures - UNLOCK_FREE_ATTEMPTS));
    }
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}
