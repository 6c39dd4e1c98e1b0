// The facilitator's three invite links, as full URLs ready to paste into a chat or an email.
import type { RoleTokens } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CopyField } from './CopyField.js';

const linkText = {
  facilitator: {
    label: 'app.group.link.facilitator',
    hint: 'app.group.link.facilitatorHint',
    copy: 'app.group.copy.facilitator',
  },
  member: { label: 'app.group.link.member', hint: 'app.group.link.memberHint', copy: 'app.group.copy.member' },
  observer: { label: 'app.group.link.observer', hint: 'app.group.link.observerHint', copy: 'app.group.copy.observer' },
} as const;

export function InviteLinks({ links }: { links: RoleTokens }) {
  const { t } = useI18n();
  // Members first: that is the link a facilitator shares most.
  const order = ['member', 'observer', 'facilitator'] as const;
  return (
    <section className="card" aria-labelledby="invite-links-title">
      <h2 id="invite-links-title">{t('app.group.links.title')}</h2>
      <p className="muted">{t('app.group.links.intro')}</p>
      {order.map((role) => (
        <CopyField
          key={role}
          label={t(linkText[role].label)}
          hint={t(linkText[role].hint)}
          copyLabel={t(linkText[role].copy)}
          value={new URL(links[role], window.location.origin).href}
        />
      ))}
    </section>
  );
}
