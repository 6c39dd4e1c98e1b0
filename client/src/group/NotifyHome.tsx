// The group home's parts for the break and mail: the "where we were" card (in the main column, after
// a break until the next meeting ends), and the break and one's own mail address (in the side column).
import type { GroupId, Role } from '@vermeboard/shared';
import { useCallback, useMemo } from 'react';
import { notifyApi } from '../api/notify.js';
import { BreakSection } from './BreakSection.js';
import { MailSection } from './MailSection.js';
import { SectionError } from './SectionError.js';
import { useLoaded } from './useLoaded.js';
import { WhereWeWereCard } from './WhereWeWereCard.js';

export function WhereWeWereHome({ groupId, token }: { groupId: GroupId; token: string }) {
  const api = useMemo(() => notifyApi(groupId, token), [groupId, token]);
  const { state } = useLoaded(useCallback(() => api.whereWeWere(), [api]));
  // A newcomer saw the card in their welcome; the home shows it for the group's return from a break.
  if (state.status !== 'ready' || state.data.reason !== 'afterBreak') return null;
  return <WhereWeWereCard groupId={groupId} card={state.data} reason="afterBreak" className="card" summaryLinks />;
}

export function NotifySections({
  groupId,
  token,
  role,
}: {
  groupId: GroupId;
  /** The personal token: an address is always someone's own. */
  token: string;
  role: Role;
}) {
  const api = useMemo(() => notifyApi(groupId, token), [groupId, token]);
  const pause = useLoaded(useCallback(() => api.groupBreak(), [api]));
  const ownMail = role !== 'observer';
  const mail = useLoaded(useCallback(() => (ownMail ? api.mail() : Promise.resolve(null)), [api, ownMail]));
  return (
    <>
      {pause.state.status === 'error' && <SectionError error={pause.state.error} onRetry={pause.reload} />}
      {pause.state.status === 'ready' && (
        <BreakSection api={api} value={pause.state.data} facilitator={role === 'facilitator'} onChanged={pause.set} />
      )}
      {mail.state.status === 'error' && <SectionError error={mail.state.error} onRetry={mail.reload} />}
      {mail.state.status === 'ready' && mail.state.data && (
        <MailSection api={api} settings={mail.state.data} onChanged={mail.set} />
      )}
    </>
  );
}
