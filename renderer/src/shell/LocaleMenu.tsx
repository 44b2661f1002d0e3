import { Button, Menu, MenuItem } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { useState } from 'react';
import { LOCALES } from '../../../shared/i18n/locale.js';
import { useLocale, useT } from '../i18n/I18nProvider.js';
import { LOCALE_NAMES } from '../i18n/messages.js';

/** The app bar's language switch: a button naming the current language, opening the list of languages. */
export function LocaleMenu() {
  const t = useT();
  const { locale, chooseLocale } = useLocale();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<TranslateIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={t('app.language')}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor !== null ? 'locale-menu' : undefined}
        data-testid="locale-switch"
        data-locale={locale}
        sx={{ border: '1px solid rgba(255,255,255,0.4)', px: 1.5 }}
      >
        {LOCALE_NAMES[locale]}
      </Button>
      <Menu id="locale-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LOCALES.map((l) => (
          <MenuItem
            key={l}
            lang={l}
            selected={l === locale}
            data-testid={`locale-option-${l}`}
            onClick={() => {
              setAnchor(null);
              if (l !== locale) chooseLocale(l);
            }}
          >
            {LOCALE_NAMES[l]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
