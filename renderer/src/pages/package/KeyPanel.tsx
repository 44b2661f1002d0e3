import { Button, Paper, Stack, Typography } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { useRef } from 'react';
import { useT } from '../../i18n/I18nProvider.js';

export interface LoadedKey {
  name: string;
  text: string;
}

/**
 * The head-office key file, loaded once for the page: it signs the packages built here and checks the signatures
 * of those verified or imported. Its text stays in the page's memory and goes out only with those calls.
 */
export function KeyPanel(props: { loaded: LoadedKey | null; onLoad: (key: LoadedKey | null) => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { loaded, onLoad } = props;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <KeyIcon color={loaded === null ? 'disabled' : 'primary'} />
        <Typography sx={{ fontWeight: 600 }}>{t('pkg.key.title')}</Typography>
        <Typography data-testid="pkg-key-state" data-loaded={loaded !== null} sx={{ color: loaded === null ? 'text.secondary' : 'success.main' }}>
          {loaded === null ? t('pkg.key.none') : t('pkg.key.loaded', { name: loaded.name })}
        </Typography>
        <Button size="small" variant="outlined" onClick={() => input.current?.click()}>
          {t('pkg.key.load')}
        </Button>
        {loaded !== null && (
          <Button size="small" onClick={() => onLoad(null)} data-testid="pkg-key-clear">
            {t('pkg.key.clear')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          hidden
          data-testid="pkg-key-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) void file.text().then((text) => onLoad({ name: file.name, text }));
          }}
        />
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
        {t('pkg.key.hint')}
      </Typography>
    </Paper>
  );
}
