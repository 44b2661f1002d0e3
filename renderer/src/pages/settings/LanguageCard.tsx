import { Card, CardContent, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { LOCALES } from '../../../../shared/i18n/locale.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { parseLocale } from '../../i18n/locale-storage.js';
import { LOCALE_NAMES } from '../../i18n/messages.js';

export function LanguageCard() {
  const t = useT();
  const { locale, chooseLocale } = useLocale();
  return (
    <Card>
      <CardContent>
        <Typography variant="h2" id="settings-language-title" gutterBottom>
          {t('app.language')}
        </Typography>
        <RadioGroup
          row
          value={locale}
          aria-labelledby="settings-language-title"
          data-testid="settings-locale"
          onChange={(e) => {
            const next = parseLocale(e.target.value);
            if (next !== null) chooseLocale(next);
          }}
        >
          {LOCALES.map((l) => (
            <FormControlLabel
              key={l}
              value={l}
              control={<Radio />}
              data-testid={`settings-locale-${l}`}
              label={<span lang={l}>{LOCALE_NAMES[l]}</span>}
            />
          ))}
        </RadioGroup>
        <Typography sx={{ color: 'text.secondary' }}>{t('settings.languageHint')}</Typography>
      </CardContent>
    </Card>
  );
}
