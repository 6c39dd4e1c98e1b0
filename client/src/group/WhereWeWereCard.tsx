// The "where we were" card: the last summary's highlights, the goals and the open action items,
// with links to past summaries. It opens the first meeting after a break (in the meeting's column),
// sits on the group home until then, and greets a newcomer in the welcome.
import type { GroupId, WhereWeWere, WhereWeWereReason } from '@vermeboard/shared';
import { useId } from 'react';
import { Link } from '../app/Link.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDateTime, formatDay } from './dates.js';
import './between.css';

interface Props {
  groupId: GroupId;
  card: WhereWeWere;
  /** Which welcome the card opens with: back from the break, or to a newcomer. */
  reason: WhereWeWereReason;
  /** Class of the enclosing section: a home card, or a section of the meeting's column. */
  className: string;
  headingClassName?: string;
  /** Past summaries open in a new tab from a running meeting, so the board stays. */
  summaryLinks: boolean;
  /** The welcome lists the goals itself. */
  showGoals?: boolean;
}

export function WhereWeWereCard({
  groupId,
  card,
  reason,
  className,
  headingClassName,
  summaryLinks,
  showGoals = true,
}: Props) {
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <section className={`${className} where-we-were`} aria-labelledby={headingId}>
      <h2 id={headingId} className={headingClassName}>
        {t('notify.card.title')}
      </h2>
      <p>
        {reason === 'afterBreak' && card.break
          ? t('notify.card.afterBreak', {
              from: formatDay(card.break.from, locale),
              to: formatDay(card.break.to, locale),
            })
          : t('notify.card.newcomer')}
      </p>
      {card.highlights.length > 0 && (
        <>
          <h3>{t('notify.card.highlights')}</h3>
          <ul>
            {card.highlights.map((h, i) => (
              <li key={i}>{h}</li>
            ))}
          </ul>
        </>
      )}
      {showGoals && (
        <>
          <h3>{t('notify.card.goals')}</h3>
          {card.goals.length === 0 ? (
            <p className="muted">{t('notify.card.noGoals')}</p>
          ) : (
            <ol>
              {card.goals.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ol>
          )}
        </>
      )}
      <h3>{t('notify.card.actions')}</h3>
      {card.openActionItems.length === 0 ? (
        <p className="muted">{t('notify.card.noActions')}</p>
      ) : (
        <ul>
          {card.openActionItems.map((a, i) => (
            <li key={i}>
              {a.ownerName ? t('notify.card.owner', { text: a.text, name: a.ownerName }) : a.text}
              {a.dueDate && <span className="muted small"> · {formatDay(a.dueDate, locale)}</span>}
            </li>
          ))}
        </ul>
      )}
      {summaryLinks && card.summaries.length > 0 && (
        <>
          <h3>{t('notify.card.summaries')}</h3>
          <ul>
            {card.summaries.map((s) => (
              <li key={s.meetingId}>
                <Link to={{ name: 'summary', groupId, meetingId: s.meetingId }}>
                  {t('notify.card.summary', { date: formatDateTime(s.endedAt, locale) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
