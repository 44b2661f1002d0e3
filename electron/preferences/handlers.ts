import type { Preferences } from '../../shared/api/ops/preferences.js';
import { DEFAULT_LOCALE } from '../../shared/i18n/locale.js';
import type { DomainHandlers } from '../api/types.js';
import { readSetting, writeSetting } from '../store/settings.js';

const KEY = 'preferences';

export const preferencesHandlers: DomainHandlers<'preferences'> = {
  'preferences.get': (_input, ctx) => readSetting<Preferences>(ctx.store, KEY, { locale: DEFAULT_LOCALE }),
  'preferences.set': (input, ctx) => {
    const next: Preferences = { locale: input.locale };
    ctx.store.transaction(() => writeSetting(ctx.store, KEY, next));
    return next;
  },
};
