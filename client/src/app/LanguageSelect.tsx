import { useI18n } from '../i18n/I18nProvider.js';
import { localeNames, locales, type Locale } from '../i18n/messages.js';

export function LanguageSelect() {
  const { locale, setLocale, t } = useI18n();
  return (
    <select
      className="language-select"
      aria-label={t('app.language')}
      value={locale}
      onChange={(e) => setLocale(e.target.value as Locale)}
    >
      {locales.map((l) => (
        // lang on each option lets a screen reader say "Suomi" with a Finnish voice.
        <option key={l} value={l} lang={l}>
          {localeNames[l]}
        </option>
      ))}
    </select>
  );
}
