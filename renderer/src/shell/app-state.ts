/**
 * The readiness marker on <body data-app-state>: end-to-end tests wait for `ready` (or fail fast on
 * `error` / `no-token`) instead of sleeping; `locked`: an encrypted workspace waits for its passphrase.
 */
export type AppState = 'loading' | 'ready' | 'error' | 'no-token' | 'locked';

export function setAppState(state: AppState): void {
  document.body.dataset['appState'] = state;
}

/** The file name of a store path, Windows or POSIX, for the app bar. */
export function baseName(filePath: string): string {
  const parts = filePath.split(/[\\/]/);
  return parts[parts.length - 1] ?? filePath;
}
