// The bar at the top of every page: the product name (home), page-specific content, the language.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { LanguageSelect } from './LanguageSelect.js';
import { Link } from './Link.js';
import logoUrl from './favicon.svg';

export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <Link to={{ name: 'home' }} className="app-brand" aria-label={t('app.nav.home')}>
        <img src={logoUrl} alt="" className="app-brand-mark" width="24" height="24" />
        {t('app.name')}
      </Link>
      <div className="app-header-content">{children}</div>
      <LanguageSelect />
    </header>
  );
}
