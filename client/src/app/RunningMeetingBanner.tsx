// "A meeting is running — join": on the group home and on every ended board of the group, so
// nobody is left behind on an old board or waits on the home while the others meet.
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from './Link.js';
import { usePreloadMeetingPage } from './meetingPageChunk.js';

export function RunningMeetingBanner({ groupId, meetingId }: { groupId: GroupId; meetingId: MeetingId }) {
  const { t } = useI18n();
  usePreloadMeetingPage();
  return (
    <section className="running-meeting" role="status">
      <span className="running-meeting__dot" aria-hidden="true" />
      <strong>{t('app.running.title')}</strong>
      <Link className="button button-primary" to={{ name: 'meeting', groupId, meetingId }}>
        {t('app.running.join')}
      </Link>
    </section>
  );
}
