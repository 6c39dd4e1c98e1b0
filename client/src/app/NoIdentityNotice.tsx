import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from './Link.js';

/** Someone opened a group or meeting address without having joined it in this browser. */
export function NoIdentityNotice() {
  const { t } = useI18n();
  return (
    <section className="card page-narrow">
      <h1>{t('app.group.noIdentity.title')}</h1>
      <p>{t('app.group.noIdentity.body')}</p>
      <Link to={{ name: 'home' }} className="button">
        {t('app.error.goHome')}
      </Link>
    </section>
  );
}
