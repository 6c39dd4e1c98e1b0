// What an ended meeting's column shows: who facilitated, the way to its summary (and, for its
// facilitator, to its debrief), and — when the
// group has started its next meeting meanwhile — a banner with a join button, so people left on
// the old board are brought along.
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { Link } from '../app/Link.js';
import { RunningMeetingBanner } from '../app/RunningMeetingBanner.js';
import { useGroup } from '../app/useGroup.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from './cueText.js';
import { useFacilitation } from './FacilitationProvider.js';

/** How often an ended board asks whether the group's next meeting has started. */
const NEXT_MEETING_POLL_MS = 5000;

export function EndedMeeting({ groupId, token }: { groupId: GroupId; token: string }) {
  const { t } = useI18n();
  const { state, meetingId, me } = useFacilitation();
  if (state === null || state.status !== 'ended') return null;
  const facilitator =
    state.facilitatorId === null ? null : nameOf(state, state.facilitatorId, t('facilitation.someone'));
  return (
    <>
      <NextMeeting groupId={groupId} token={token} except={meetingId} />
      <section className="vb-fac-section" aria-label={t('facilitation.ended.label')}>
        {facilitator !== null && <p>{t('facilitation.ended.facilitatedBy', { name: facilitator })}</p>}
        <Link className="vb-fac-button vb-fac-primary" to={{ name: 'summary', groupId, meetingId }}>
          {t('facilitation.ended.summary')}
        </Link>
        {state.facilitatorId === me && (
          <Link className="vb-fac-button" to={{ name: 'debrief', groupId, meetingId }}>
            {t('debrief.open')}
          </Link>
        )}
      </section>
    </>
  );
}

/** The group's running meeting, when it is another one than this ended board's. */
function NextMeeting({ groupId, token, except }: { groupId: GroupId; token: string; except: MeetingId }) {
  const { state } = useGroup(groupId, token, NEXT_MEETING_POLL_MS);
  const running = state.status === 'ready' ? state.group.runningMeetingId : null;
  return running === null || running === except ? null : <RunningMeetingBanner groupId={groupId} meetingId={running} />;
}
