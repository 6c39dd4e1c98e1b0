import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/** "<page> – Vermeboard", so browser tabs and history entries say which group they are. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} – ${app}` : app;
  }, [page, app]);
}
