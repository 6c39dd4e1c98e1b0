// A meeting's summary as a page section: shown expanded on the group home, on the print view and
// on the welcome page. What the group decided (the case, votes, action items, the next meeting)
// comes first, the step-timing log last. Headings start at `level` so it fits under whatever heading holds it.
import type { MeetingSummary, SummaryNextMeeting } from '@vermeboard/shared';
import type { ReactNode } from 'react';
import { formatDay } from '../group/dates.js';
import { useI18n } from '../i18n/I18nProvider.js';
import './summary.css';

type Level = 2 | 3 | 4;

function Heading({ level, children }: { level: Level; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag>{children}</Tag>;
}

function Texts({ items }: { items: readonly string[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{t('summary.nothing')}</p>;
  return (
    <ul className="summary-notes">
      {items.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}

interface Props {
  summary: MeetingSummary;
  level?: 2 | 3;
  /** Leaves out the agenda's step times: for a newcomer, what was said matters, not the clock. */
  compact?: boolean;
}

export function SummaryView({ summary, level = 3, compact = false }: Props) {
  const { t, locale } = useI18n();
  const sub = (level + 1) as Level;
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  const at = (iso: string) => time.format(new Date(iso));
  const attendees = summary.attendees
    .map((a) => (a.role === 'member' ? a.name : `${a.name} (${t(`summary.role.${a.role}`)})`))
    .join(', ');

  return (
    <div className="meeting-summary">
      <p className="summary-meta">
        {t('summary.held', { start: dateTime.format(new Date(summary.startedAt)), end: at(summary.endedAt) })}
        {summary.facilitator && (
          <>
            <br />
            {t('summary.facilitator', { name: summary.facilitator.name })}
          </>
        )}
        {attendees && (
          <>
            <br />
            {t('summary.attendees', { names: attendees })}
          </>
        )}
      </p>

      {/* What the group decided comes first; the step-timing log is last. */}
      {summary.cases.length > 0 && (
        <section>
          <Heading level={level}>{t('summary.cases')}</Heading>
          {summary.cases.map((c) => (
            <div key={c.instanceId}>
              <Heading level={sub}>{c.methodName[locale]}</Heading>
              {c.owner && <p>{t('summary.caseOwner', { name: c.owner.name })}</p>}
              {c.roomOwners && c.roomOwners.length > 0 && (
                <ul className="summary-notes">
                  {c.roomOwners.map((r) => (
                    <li key={r.room}>{t('summary.roomCaseOwner', { room: r.room, name: r.owner.name })}</li>
                  ))}
                </ul>
              )}
              <p className="summary-label">{t('summary.keyQuestion')}</p>
              <Texts items={c.keyQuestion} />
              <p className="summary-label">{t('summary.starredIdeas')}</p>
              <Texts items={c.starredIdeas} />
            </div>
          ))}
        </section>
      )}

      {summary.votes.length > 0 && (
        <section>
          <Heading level={level}>{t('summary.votes')}</Heading>
          {summary.votes.map((v) => (
            <div key={v.voteId}>
              <Heading level={sub}>
                {v.frameName ?? v.voteId}{' '}
                <span className="muted">({t('summary.voters', { count: v.voterCount })})</span>
              </Heading>
              <ol className="summary-notes">
                {v.results.map((r) => (
                  <li key={r.shapeId}>
                    {r.text || '—'}{' '}
                    <span className="muted">
                      {t('summary.dash')}
                      {t('summary.voteCount', { count: r.count })}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}
      {summary.actionItems.length > 0 && (
        <section>
          <Heading level={level}>{t('summary.actionItems')}</Heading>
          <ul className="summary-notes">
            {summary.actionItems.map((a) => (
              <li key={a.id}>
                {a.text}
                {(a.ownerName || a.dueDate) && (
                  <span className="muted">
                    {t('summary.dash')}
                    {[a.ownerName, a.dueDate && t('summary.due', { date: formatDay(a.dueDate, locale) })]
                      .filter(Boolean)
                      .join(', ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {summary.nextMeeting && <NextMeetingFacts next={summary.nextMeeting} level={level} />}

      {summary.goals.length > 0 && (
        <section>
          <Heading level={level}>{t('summary.goals')}</Heading>
          {summary.goals.map((goal) => (
            <div key={goal.goalId}>
              <Heading level={sub}>{goal.text}</Heading>
              {goal.progress.length === 0 ? (
                <p className="muted">{t('summary.noProgress')}</p>
              ) : (
                <ul className="summary-notes">
                  {goal.progress.map((p, i) => (
                    <li key={i}>
                      <strong>{p.authorName}:</strong> {p.text}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}

      {summary.reflections.map((r) => (
        <section key={r.instanceId}>
          <Heading level={level}>{t('summary.reflection')}</Heading>
          <div className="summary-columns">
            {(
              [
                ['summary.what', r.what],
                ['summary.soWhat', r.soWhat],
                ['summary.nowWhat', r.nowWhat],
              ] as const
            ).map(([key, notes]) => (
              <div key={key}>
                <Heading level={sub}>{t(key)}</Heading>
                <Texts items={notes} />
              </div>
            ))}
          </div>
        </section>
      ))}

      {!compact && summary.agenda.length > 0 && (
        <section>
          <Heading level={level}>{t('summary.agenda')}</Heading>
          {summary.agenda.map((item) => (
            <div key={item.instanceId} className="summary-agenda-item">
              <Heading level={sub}>{item.name[locale]}</Heading>
              <ul className="summary-steps">
                {item.steps.map((step) => (
                  <li key={step.stepId} className={step.enteredAt ? undefined : 'muted'}>
                    <span className="summary-step-title">{step.title[locale]}</span>
                    <span className="summary-step-time">
                      {t('summary.dash')}
                      {step.enteredAt
                        ? t('summary.stepTime', {
                            start: at(step.enteredAt),
                            end: step.leftAt ? at(step.leftAt) : '',
                            minutes: String(Math.round(step.durationMs / 60_000)),
                            planned: String(step.plannedMinutes),
                          })
                        : t('summary.stepSkipped', { planned: String(step.plannedMinutes) })}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

/** The next meeting as the group agreed it: when, where and the theme. */
function NextMeetingFacts({ next, level }: { next: SummaryNextMeeting; level: Level }) {
  const { t, locale } = useI18n();
  const when = [next.date && formatDay(next.date, locale), next.time].filter(Boolean).join(' ');
  return (
    <section>
      <Heading level={level}>{t('summary.nextMeeting')}</Heading>
      <dl className="facts">
        {when && (
          <>
            <dt>{t('summary.nextMeeting.when')}</dt>
            <dd>{when}</dd>
          </>
        )}
        {next.place && (
          <>
            <dt>{t('summary.nextMeeting.place')}</dt>
            <dd>{next.place}</dd>
          </>
        )}
        {next.theme && (
          <>
            <dt>{t('summary.nextMeeting.theme')}</dt>
            <dd>{next.theme}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
