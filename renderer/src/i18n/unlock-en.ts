import type { unlockZh } from './unlock-zh.js';

/** The unlock page of an encrypted workspace started without its key (spread into the English dictionary). */
export const unlockEn: Record<keyof typeof unlockZh, string> = {
  'unlock.title': 'Unlock the workspace',
  'unlock.intro': 'This workspace is encrypted. Enter its passphrase to open it, then sign in.',
  'unlock.introRecovery': 'This PC cannot unwrap the workspace key by itself (another PC or Windows user). The administrator must enter the recovery passphrase.',
  'unlock.file': 'Workspace file',
  'unlock.passphrase': 'Workspace passphrase',
  'unlock.recoveryPassphrase': 'Recovery passphrase',
  'unlock.submit': 'Unlock',
  'unlock.busy': 'Unlocking…',
  'unlock.wrong': 'The passphrase is wrong; enter it again.',
  'unlock.wait': 'Too many wrong passphrases: try again in {seconds} s.',
  'unlock.note': 'The passphrase only opens the workspace file on this computer; it is neither saved nor logged.',
  'unlock.otherLanguage': '中文',
};
