// Who may open which sync document: one rule for the WebSocket upgrade and for the ticket that a
// browser asks for just before it (so a browser learns over HTTP that a meeting is gone, and a
// ticket opens only the document it was bought for). The token names a caller of one group, the
// document must belong to a live meeting of that group (or an encounter that invited it:
// meetingCaller.ts), and the shared policy's `docAccess` decides read or write. An ended meeting is a record: nobody writes its board or notes any more.
// A breakout room's board also asks the meeting's session whom the room holds now.
import { docAccess, parseDocName, type MeetingId, type SessionState } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import type { AuthorizeResult } from '../sync/SyncAuth.js';
import type { Caller } from './Auth.js';
import { callerInMeeting, type MeetingCallerStore } from './meetingCaller.js';

/** The meeting's current session, for the room assignment; null when it cannot be read. */
export type SessionReader = (meetingId: MeetingId) => Promise<SessionState | null>;
const noSession: SessionReader = () => Promise.resolve(null);

export async function syncAccess(
  storage: Pick<Storage, 'getMeeting' | 'getParticipant'> & MeetingCallerStore,
  docName: string,
  caller: Caller | null,
  sessionOf: SessionReader = noSession,
): Promise<AuthorizeResult> {
  const doc = parseDocName(docName);
  if (!doc) return { ok: false, status: 400 };
  if (!caller) return { ok: false, status: 401 };
  const meeting = await storage.getMeeting(doc.meetingId);
  // A meeting whose board the retention rule deleted has no documents to open any more.
  if (!meeting || meeting.boardDeletedAt) return { ok: false, status: 404 };
  const inMeeting = await callerInMeeting(storage, meeting, caller);
  if (!inMeeting.ok) return { ok: false, status: 403 };
  const session = doc.kind === 'room' ? await sessionOf(doc.meetingId) : null;
  const granted = docAccess(inMeeting.caller, doc, session);
  if (granted === 'none') return { ok: false, status: 403 };
  const access = meeting.endedAt !== null && doc.kind !== 'session' ? 'read' : granted;
  // Presence shows the stored name, whatever a browser writes (sync/presenceStamp.ts).
  const participant = caller.participantId === null ? null : await storage.getParticipant(caller.participantId);
  return { ok: true, access, auth: { ...inMeeting.caller, displayName: participant?.displayName ?? null } };
}
