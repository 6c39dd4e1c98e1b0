import type { GroupId, MeetingListEntry } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from './Link.js';

export function MeetingList({ groupId, meetings }: { groupId: GroupId; meetings: readonly MeetingListEntry[] }) {
  const { t, locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
  const newestFirst = [...meetings].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  if (newestFirst.length === 0) return <p>{t('app.group.meetings.empty')}</p>;
  return (
    <ol className="meeting-list">
      {newestFirst.map((meeting, index) => {
        const date = format.format(new Date(meeting.createdAt));
        const current = index === 0;
        return (
          <li key={meeting.id} className={current ? 'meeting current' : 'meeting'}>
            <Link to={{ name: 'meeting', groupId, meetingId: meeting.id }} aria-current={current ? 'true' : undefined}>
              <span className="meeting-date">{date}</span>
              {current && <span className="badge">{t('app.group.meetings.current')}</span>}
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
