/** The unlock page of an encrypted workspace started without its key (spread into the Chinese dictionary). */
export const unlockZh = {
  'unlock.title': '解锁工作区',
  'unlock.intro': '该工作区已加密。请输入工作区口令以打开它，然后再登录。',
  'unlock.introRecovery': '本机无法自动解开该工作区的密钥（换了电脑或 Windows 用户）。请由系统管理员输入恢复口令。',
  'unlock.file': '工作区文件',
  'unlock.passphrase': '工作区口令',
  'unlock.recoveryPassphrase': '恢复口令',
  'unlock.submit': '解锁',
  'unlock.busy': '正在解锁…',
  'unlock.wrong': '口令不正确，请重新输入。',
  'unlock.wait': '口令错误次数过多，请在 {seconds} 秒后再试。',
  'unlock.note': '口令只用于在本机打开工作区文件，不会被保存，也不会写入日志。',
  'unlock.otherLanguage': 'English',
} as const;
