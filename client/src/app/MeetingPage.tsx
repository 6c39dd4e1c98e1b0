// A meeting: a slim header and the board filling the rest of the window. Loaded lazily, because the
// board brings tldraw (most of the app's size) and the home and join pages don't need it.
import {
  visitorRole,
  type ClientConfigResponse,
  type GroupId,
  type GroupResponse,
  type MeetingId,
} from '@vermeboard/shared';
import type { Identity } from '../api/identity.js';
import { FacilitatedMeeting } from '../facilitation/FacilitatedMeeting.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { coordinators } from '../program/coordinators.js';
import { useEncounter } from '../program/useEncounter.js';
import { AppHeader } from './AppHeader.js';
import { useClientConfig } from './clientConfig.js';
import { ErrorNotice } from './ErrorNotice.js';
import { errorMessageKey } from './errorMessage.js';
import { GroupError } from './GroupError.js';
import { Link } from './Link.js';
import { NoIdentityNotice } from './NoIdentityNotice.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { useGroup } from './useGroup.js';
import { userColor } from './userColor.js';
import { useStoredIdentity } from './useStoredIdentity.js';
import { RehearsalBanner } from '../rehearsal/RehearsalBanner.js';

export { prefetchBoardAssets } from '../board/Board.js';

export default function MeetingPage({ groupId, meetingId }: { groupId: GroupId; meetingId: MeetingId }) {
  const identity = useStoredIdentity(groupId);
  if (!identity) {
    return (
      <>
        <AppHeader />
        <main id="main" tabIndex={-1} className="page">
          <NoIdentityNotice />
        </main>
      </>
    );
  }
  return <MeetingLoader groupId={groupId} meetingId={meetingId} identity={identity} />;
}

function MeetingLoader({
  groupId,
  meetingId,
  identity,
}: {
  groupId: GroupId;
  meetingId: MeetingId;
  identity: Identity;
}) {
  const { t } = useI18n();
  const group = useGroup(groupId, identity.participantToken);
  const config = useClientConfig();
  const groupName = group.state.status === 'ready' ? group.state.group.name : null;
  useDocumentTitle(groupName);
  // Not a meeting of the group: perhaps an encounter of its program, opened with this identity.
  const foreign = group.state.status === 'ready' && !group.state.group.meetings.some((m) => m.id === meetingId);
  const encounter = useEncounter(groupId, identity.participantToken, meetingId, foreign);

  let body;
  if (group.state.status === 'error') {
    body = <GroupError groupId={groupId} error={group.state.error} onRetry={group.reload} />;
  } else if (config.state.status === 'error') {
    body = <ErrorNotice message={errorMessageKey(config.state.error, 'other')} onRetry={config.retry} />;
  } else if (group.state.status === 'loading' || config.state.status === 'loading') {
    body = <p role="status">{t('app.meeting.opening')}</p>;
  } else if (foreign && encounter === 'checking') {
    body = <p role="status">{t('app.meeting.opening')}</p>;
  } else if (foreign && encounter === 'no') {
    body = <ErrorNotice message="app.error.notFound" />;
  } else {
    // In an encounter a group's facilitator is a member of the plaza, as the server has it.
    const seen = foreign ? { ...group.state.group, role: visitorRole(group.state.group.role) } : group.state.group;
    return <MeetingView group={seen} meetingId={meetingId} identity={identity} config={config.state.config} />;
  }
  return (
    <div className="meeting-layout">
      <MeetingHeader groupId={groupId} groupName={groupName} />
      <main id="main" tabIndex={-1} className="page">
        {body}
      </main>
    </div>
  );
}

function MeetingView({
  group,
  meetingId,
  identity,
  config,
}: {
  group: GroupResponse;
  meetingId: MeetingId;
  identity: Identity;
  config: ClientConfigResponse;
}) {
  const { locale } = useI18n();
  const name = group.participant?.displayName ?? identity.displayName;
  return (
    <div className="meeting-layout">
      {/* A rehearsal's group is a throwaway one: back leads to the group it rehearses for. */}
      <MeetingHeader groupId={group.rehearsal?.ofGroupId ?? group.groupId} groupName={group.name} />
      {group.rehearsal && <RehearsalBanner rehearsal={group.rehearsal} />}
      <main id="main" tabIndex={-1} className="meeting-board">
        <FacilitatedMeeting
          groupId={group.groupId}
          board={{
            meetingId,
            token: identity.participantToken,
            // The server's answer is authoritative: a role can change after the identity was stored.
            role: group.role,
            user: { id: identity.participantId, name, color: userColor(identity.participantId) },
            locale,
            licenseKey: config.tldrawLicenseKey,
            maxAssetBytes: config.maxAssetBytes,
          }}
        />
      </main>
    </div>
  );
}

function MeetingHeader({ groupId, groupName }: { groupId: GroupId; groupName: string | null }) {
  const { t } = useI18n();
  // The coordinator's encounters are meetings of the program's plaza group: back leads to the program.
  const programId = coordinators.programOfPlaza(groupId);
  return (
    <AppHeader>
      <Link to={programId ? { name: 'program', programId } : { name: 'group', groupId }} className="header-back">
        <span aria-hidden="true">← </span>
        {t(programId ? 'program.backToProgram' : 'app.meeting.back')}
      </Link>
      {groupName && <span className="header-title">{groupName}</span>}
    </AppHeader>
  );
}
