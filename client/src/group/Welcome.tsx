// The onboarding welcome, shown once to someone who has just joined through an invite link: the
// group's goals, its ground rules, the next meeting and the last meeting's summary, then "Continue to
// the meeting". If any of it fails to load, the person can still go on: the welcome must never stand
// between them and the group.
import type {
  GroupId,
  GroupResponse,
  GroupSettingsResponse,
  Goal,
  MeetingHistoryEntry,
  WhereWeWere,
} from '@vermeboard/shared';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { getGroup } from '../api/client.js';
import { notifyApi } from '../api/notify.js';
import { processApi } from '../api/process.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { MeetingSummaryPanel } from '../summary/MeetingSummaryPanel.js';
import { formatDateTime, formatDay } from './dates.js';
import { useLoaded } from './useLoaded.js';
import { WhereWeWereCard } from './WhereWeWereCard.js';
import './group.css';

interface WelcomeData {
  group: GroupResponse;
  goals: Goal[];
  settings: GroupSettingsResponse;
  meetings: MeetingHistoryEntry[];
  /** What someone who joined mid-way missed; null when it could not be loaded. */
  card: WhereWeWere | null;
}

interface Props {
  groupId: GroupId;
  token: string;
  onContinue(): void;
}

export function Welcome({ groupId, token, onContinue }: Props) {
  const { t, locale } = useI18n();
  const api = useMemo(() => processApi(groupId, token), [groupId, token]);
  const { state } = useLoaded(
    useCallback(async (): Promise<WelcomeData> => {
      const [group, goals, settings, meetings, card] = await Promise.all([
        getGroup(groupId, token),
        api.goals(),
        api.settings(),
        api.meetings(),
        notifyApi(groupId, token)
          .whereWeWere()
          .catch(() => null),
      ]);
      return { group, goals, settings, meetings, card };
    }, [api, groupId, token]),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ready = state.status === 'ready';
  // The page changed under the person's feet after "Join": move focus to the new heading.
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  // Nothing to show: let them in rather than explain a failure they cannot act on here.
  if (state.status === 'error') {
    return (
      <button type="button" className="button button-primary" onClick={onContinue}>
        {t('group.welcome.continueGroup')}
      </button>
    );
  }

  const { group, goals, settings, meetings, card } = state.data;
  const hasMeeting = group.meetings.length > 0;
  const lastEnded = meetings
    .filter((m) => m.endedAt !== null)
    .sort((a, b) => Date.parse(b.endedAt ?? '') - Date.parse(a.endedAt ?? ''))[0];
  const next = settings.nextMeeting;

  return (
    <section className="card welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title" ref={headingRef} tabIndex={-1}>
        {t('group.welcome.title', { group: group.name })}
      </h1>
      <p>{t('group.welcome.intro')}</p>

      <h2>{t('group.welcome.goals')}</h2>
      {goals.length === 0 ? (
        <p className="muted">{t('group.welcome.noGoals')}</p>
      ) : (
        <ol className="welcome-goals">
          {goals.map((g) => (
            <li key={g.id}>{g.text}</li>
          ))}
        </ol>
      )}

      {settings.groundRules.length > 0 && (
        <>
          <h2>{t('group.welcome.rules')}</h2>
          <ul className="rule-list">
            {settings.groundRules.map((rule, i) => (
              <li key={i}>{rule}</li>
            ))}
          </ul>
        </>
      )}

      {(next.date || next.theme) && (
        <>
          <h2>{t('group.welcome.next')}</h2>
          <p>{[next.date && formatDay(next.date, locale), next.theme].filter(Boolean).join(' – ')}</p>
        </>
      )}
      {card?.newcomer && (
        <WhereWeWereCard
          groupId={groupId}
          card={card}
          reason="newcomer"
          className="welcome-card"
          summaryLinks
          showGoals={false}
        />
      )}
      {lastEnded?.endedAt && (
        <>
          <h2>{t('summary.lastMeeting')}</h2>
          <p className="muted small">
            {t('group.welcome.lastMeeting', { time: formatDateTime(lastEnded.endedAt, locale) })}
          </p>
          <MeetingSummaryPanel api={api} groupId={groupId} meetingId={lastEnded.id} brief />
        </>
      )}

      <button type="button" className="button button-primary" onClick={onContinue}>
        {hasMeeting ? t('group.welcome.continueMeeting') : t('group.welcome.continueGroup')}
      </button>
    </section>
  );
}
