// Who is in the group: name, role, when they joined and which meetings they facilitated. The
// facilitator can remove someone (their token stops working and their connections close at once, and
// the invite links are renewed because the removed person has them too).
import type { Member } from '@vermeboard/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { formatDate } from './dates.js';
import { meetingOf, type HomeContext } from './homeContext.js';
import { useSubmit } from './useSubmit.js';

export function MembersSection({ ctx }: { ctx: HomeContext }) {
  const { t, locale } = useI18n();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const remove = useSubmit();
  const current = ctx.members.filter((m) => !m.removed);
  const former = ctx.members.filter((m) => m.removed);
  const facilitator = ctx.role === 'facilitator';

  const facilitated = (member: Member) =>
    member.facilitatedMeetings
      .map((id) => meetingOf(ctx, id))
      .filter((m) => m !== undefined)
      .map((m) => formatDate(m.createdAt, locale))
      .join(', ');

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('group.members.title')}</h2>
      <ul className="member-list">
        {current.map((member) => {
          const dates = facilitated(member);
          return (
            <li key={member.id} className="member">
              <div>
                <p className="member-name">
                  {member.id === ctx.me ? t('group.members.you', { name: member.displayName }) : member.displayName}{' '}
                  <span className="badge">{t(`app.role.${member.role}`)}</span>
                </p>
                <p className="muted small">
                  {t('group.members.joined', { date: formatDate(member.joinedAt, locale) })}
                  {dates && (
                    <>
                      <br />
                      {t('group.members.facilitated', { dates })}
                    </>
                  )}
                </p>
              </div>
              {facilitator && member.id !== ctx.me && (
                <button
                  type="button"
                  className="button button-quiet button-danger-text"
                  aria-label={t('group.members.removeName', { name: member.displayName })}
                  onClick={() => {
                    remove.clear();
                    setRemoving(member);
                  }}
                >
                  {t('group.members.remove')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" className="status-line">
        {removed ? t('group.members.removed', { name: removed }) : ''}
      </p>
      {former.length > 0 && (
        <details>
          <summary>{t('group.members.former', { count: former.length })}</summary>
          <ul className="member-list">
            {former.map((member) => (
              <li key={member.id} className="member">
                <p className="muted">
                  {member.displayName}
                  {member.removedAt &&
                    ` · ${t('group.members.removedOn', { date: formatDate(member.removedAt, locale) })}`}
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
      {facilitator && (
        <ConfirmDialog
          open={removing !== null}
          title={t('group.members.removeTitle', { name: removing?.displayName ?? '' })}
          confirmLabel={t('group.members.removeName', { name: removing?.displayName ?? '' })}
          busy={remove.busy}
          error={remove.error}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const member = removing;
            if (!member) return;
            remove.run(
              () => ctx.api.removeMember(member.id),
              ({ links }) => {
                setRemoving(null);
                setRemoved(member.displayName);
                ctx.reloadMembers();
                ctx.onLinksRenewed(links);
              },
            );
          }}
        >
          <p>{t('group.members.removeBody', { name: removing?.displayName ?? '' })}</p>
          <p>{t('group.members.removeLinks')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
