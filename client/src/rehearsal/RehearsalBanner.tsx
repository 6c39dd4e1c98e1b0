// Says plainly, above the board, that this meeting is a rehearsal with simulated participants. The
// header's back link leads to the group it rehearses for.
import type { RehearsalInfo } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import './rehearsal.css';

export function RehearsalBanner({ rehearsal }: { rehearsal: RehearsalInfo }) {
  const { t } = useI18n();
  return (
    <section className="rehearsal-banner" role="region" aria-label={t('rehearsal.banner.title')}>
      <strong className="rehearsal-badge">{t('rehearsal.banner.title')}</strong>
      <span>{t('rehearsal.banner.body', { count: rehearsal.bots, speed: rehearsal.speed })}</span>
    </section>
  );
}
