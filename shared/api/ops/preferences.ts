import { z } from 'zod';
import { LOCALES } from '../../i18n/locale.js';
import type { Locale } from '../../i18n/locale.js';
import { ALL_ROLES, op } from '../contract.js';

export interface Preferences {
  locale: Locale;
}

export const preferencesOps = {
  'preferences.get': op<Preferences>()({
    summary: 'The UI preferences remembered for this workspace',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
    // The sign-in screen speaks the workspace's language.
    public: true,
  }),
  'preferences.set': op<Preferences>()({
    summary: 'Remember UI preferences (language)',
    input: z.object({ locale: z.enum(LOCALES) }).strict(),
    roles: ALL_ROLES,
    scope: 'any',
    mutates: true,
  }),
};
