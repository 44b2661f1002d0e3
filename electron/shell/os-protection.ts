import type { SafeStorage } from 'electron';
import type { OsProtection } from '../security/key-envelope.js';

/** Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret on Linux) as the key envelope's OS part. */
export function electronOsProtection(safeStorage: SafeStorage): OsProtection {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    protect: (plain) => safeStorage.encryptString(plain),
    unprotect: (sealed) => safeStorage.decryptString(sealed),
  };
}
