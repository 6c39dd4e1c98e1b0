// The sync upgrade's authorization: the token names a caller of one group, the document must belong
// to a live meeting of that group, and the shared policy's `docAccess` decides read or write. An
// ended meeting is a record: nobody writes its board or notes any more. Before a writer connects,
// the board checks' rules for the meeting are loaded, so that no check waits for storage.
import { docAccess, parseDocName, type MeetingId } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import type { AuthorizeResult } from '../sync/SyncAuth.js';
import type { Auth } from './Auth.js';

export function createSyncAuthorizer(
  auth: Auth,
  storage: Pick<Storage, 'getMeeting'>,
  prepareWriter: (meetingId: MeetingId) => Promise<void> = () => Promise.resolve(),
) {
  return async function authorize(docName: string, token: string | null): Promise<AuthorizeResult> {
    const doc = parseDocName(docName);
    if (!doc) return { ok: false, status: 400 };
    const caller = await auth.authenticate(token);
    if (!caller) return { ok: false, status: 401 };
    const meeting = await storage.getMeeting(doc.meetingId);
    // A meeting whose board the retention rule deleted has no documents to open any more.
    if (!meeting || meeting.boardDeletedAt) return { ok: false, status: 404 };
    if (meeting.groupId !== caller.groupId) return { ok: false, status: 403 };
    const granted = docAccess(caller, doc);
    if (granted === 'none') return { ok: false, status: 403 };
    const access = meeting.endedAt !== null && doc.kind !== 'session' ? 'read' : granted;
    if (access === 'write') await prepareWriter(doc.meetingId);
    return { ok: true, access, auth: caller };
  };
}
