// The facilitator's debrief page of an ended meeting, opened from the end screen or the group's
// meeting history with the personal token this browser keeps for the group.
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { Link } from '../app/Link.js';
import { NoIdentityNotice } from '../app/NoIdentityNotice.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useStoredIdentity } from '../app/useStoredIdentity.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { DebriefView } from './DebriefView.js';

export function DebriefPage({ groupId, meetingId }: { groupId: GroupId; meetingId: MeetingId }) {
  const { t } = useI18n();
  const identity = useStoredIdentity(groupId);
  useDocumentTitle(t('debrief.title'));
  return (
    <div className="page debrief-page">
      <p>
        <Link to={{ name: 'group', groupId }}>{t('debrief.back')}</Link>
      </p>
      <h1>{t('debrief.title')}</h1>
      {identity ? <DebriefView meetingId={meetingId} token={identity.participantToken} /> : <NoIdentityNotice />}
    </div>
  );
}
