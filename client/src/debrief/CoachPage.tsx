// A coach's view through their coach link: which group they coach, its ended meetings, and the
// debrief of one. The coach token opens nothing else (README "Coaching").
import type { CoachSelfResponse, MeetingId } from '@vermeboard/shared';
import { useEffect, useState } from 'react';
import { Link } from '../app/Link.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { debriefApi } from './api.js';
import { DebriefView } from './DebriefView.js';

type Loaded = { status: 'loading' } | { status: 'refused' } | { status: 'ready'; self: CoachSelfResponse };

export function CoachPage({ token, meetingId }: { token: string; meetingId: MeetingId | null }) {
  const { t, locale } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useDocumentTitle(t('debrief.coach.title'));
  useEffect(() => {
    debriefApi.coachSelf(token).then(
      (self) => setLoaded({ status: 'ready', self }),
      () => setLoaded({ status: 'refused' }),
    );
  }, [token]);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });

  let body;
  if (loaded.status === 'loading') body = <p role="status">{t('debrief.coach.loading')}</p>;
  else if (loaded.status === 'refused') body = <p role="alert">{t('debrief.coach.refused')}</p>;
  else if (meetingId !== null) {
    body = (
      <>
        <p>
          <Link to={{ name: 'coach', token, meetingId: null }}>{t('debrief.coach.backToList')}</Link>
        </p>
        <h2>{t('debrief.title')}</h2>
        <DebriefView meetingId={meetingId} token={token} />
      </>
    );
  } else {
    const { self } = loaded;
    body = (
      <>
        <p>{t('debrief.coach.welcome', { name: self.coach.name, group: self.groupName })}</p>
        <p className="muted">{t('debrief.coach.explain')}</p>
        <p>{self.coachMayShadow ? t('debrief.coach.shadowOn') : t('debrief.coach.shadowOff')}</p>
        <h2>{t('debrief.coach.meetings')}</h2>
        {self.meetings.length === 0 ? (
          <p>{t('debrief.coach.noMeetings')}</p>
        ) : (
          <ul className="debrief-meeting-list">
            {self.meetings.map((m) => {
              const date = format.format(new Date(m.createdAt));
              return (
                <li key={m.id}>
                  <Link to={{ name: 'coach', token, meetingId: m.id as MeetingId }}>
                    {t('debrief.openFor', { date })}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </>
    );
  }
  return (
    <div className="page debrief-page">
      <h1>{t('debrief.coach.title')}</h1>
      {body}
    </div>
  );
}
