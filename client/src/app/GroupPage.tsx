// A group's page: who you are in it and, below, the group home (goals, members, meetings, …; see
// group/GroupHome.tsx); for the facilitator "Start a meeting". Members who arrive before any meeting
// exists wait here until one starts.
import type { GroupId, GroupResponse } from '@vermeboard/shared';
import { useEffect, useState } from 'react';
import { createMeeting } from '../api/client.js';
import { GroupHome } from '../group/GroupHome.js';
import type { Identity } from '../api/identity.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { AppHeader } from './AppHeader.js';
import { ErrorNotice } from './ErrorNotice.js';
import { GroupError } from './GroupError.js';
import { LeaveGroup } from './LeaveGroup.js';
import { errorMessageKey } from './errorMessage.js';
import { navigate } from './navigation.js';
import { NoIdentityNotice } from './NoIdentityNotice.js';
import { RunningMeetingBanner } from './RunningMeetingBanner.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { latestMeeting, useGroup } from './useGroup.js';
import { useStoredIdentity } from './useStoredIdentity.js';

const WAITING_POLL_MS = 4000;
const HOME_POLL_MS = 10_000;

export function GroupPage({ groupId }: { groupId: GroupId }) {
  const identity = useStoredIdentity(groupId);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        {identity ? <GroupContent groupId={groupId} identity={identity} /> : <NoIdentityNotice />}
      </main>
    </>
  );
}

function GroupContent({ groupId, identity }: { groupId: GroupId; identity: Identity }) {
  const { t } = useI18n();
  const [waiting, setWaiting] = useState(false);
  // Waiting members poll quickly; everyone else still learns within a while that a meeting started.
  const { state, reload } = useGroup(groupId, identity.participantToken, waiting ? WAITING_POLL_MS : HOME_POLL_MS);
  const group = state.status === 'ready' ? state.group : null;
  useDocumentTitle(group?.name ?? null);

  useEffect(() => {
    if (!group) return;
    // A rehearsal's group is a throwaway one: its home is the group it rehearses for.
    if (group.rehearsal) {
      navigate({ name: 'group', groupId: group.rehearsal.ofGroupId }, { replace: true });
      return;
    }
    const isWaiting = group.role !== 'facilitator' && group.meetings.length === 0;
    setWaiting(isWaiting);
    // Once the facilitator starts the meeting, take the waiting person straight there.
    const latest = latestMeeting(group);
    if (waiting && latest) navigate({ name: 'meeting', groupId, meetingId: latest.id }, { replace: true });
  }, [group, groupId, waiting]);

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <GroupError groupId={groupId} error={state.error} onRetry={reload} />;
  return <GroupView group={state.group} identity={identity} waiting={waiting} />;
}

function GroupView({ group, identity, waiting }: { group: GroupResponse; identity: Identity; waiting: boolean }) {
  const { t } = useI18n();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<MessageKey | null>(null);
  const facilitator = group.role === 'facilitator';
  const displayName = group.participant?.displayName ?? identity.displayName;

  const startMeeting = async () => {
    if (starting) return;
    setStarting(true);
    setStartError(null);
    try {
      const { meetingId } = await createMeeting(group.groupId, identity.participantToken);
      navigate({ name: 'meeting', groupId: group.groupId, meetingId });
    } catch (err) {
      setStarting(false);
      setStartError(errorMessageKey(err, 'group'));
    }
  };

  const intro = (
    <>
      <section className="group-title">
        <div className="group-title-row">
          <h1>{group.name}</h1>
          {facilitator && group.runningMeetingId === null && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => void startMeeting()}
              aria-disabled={starting}
            >
              {starting ? t('app.group.startingMeeting') : t('app.group.startMeeting')}
            </button>
          )}
        </div>
        <p className="group-identity">
          <span>{t('app.group.youAre', { name: displayName })}</span>
          <span className="role-badge">{t('app.group.yourRole', { role: t(`app.role.${group.role}`) })}</span>
          <LeaveGroup group={group} />
        </p>
        {startError && <ErrorNotice message={startError} />}
      </section>
      {group.runningMeetingId !== null && (
        <RunningMeetingBanner groupId={group.groupId} meetingId={group.runningMeetingId} />
      )}
      {waiting && (
        <section className="card waiting" aria-live="polite">
          <span className="waiting-dot" aria-hidden="true" />
          <div>
            <h2>{t('app.group.waiting.title')}</h2>
            <p>{t('app.group.waiting.body')}</p>
          </div>
        </section>
      )}
    </>
  );

  // Members who wait for the first meeting read the group's goals and ground rules meanwhile.
  return <GroupHome group={group} identity={identity} intro={intro} />;
}
