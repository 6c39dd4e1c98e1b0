// The sync upgrade's authorization: the token names a caller of one group, the document must belong
// to a live meeting of that group, and the shared policy's `docAccess` decides read or write.
import { docAccess, parseDocName } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import type { AuthorizeResult } from '../sync/SyncAuth.js';
import type { Auth } from './Auth.js';

export function createSyncAuthorizer(auth: Auth, storage: Pick<Storage, 'getMeeting'>) {
  return async function authorize(docName: string, token: string | null): Promise<AuthorizeResult> {
    const doc = parseDocName(docName);
    if (!doc) return { ok: false, status: 400 };
    const caller = await auth.authenticate(token);
    if (!caller) return { ok: false, status: 401 };
    const meeting = await storage.getMeeting(doc.meetingId);
    // A meeting whose board the retention rule deleted has no documents to open any more.
    if (!meeting || meeting.boardDeletedAt) return { ok: false, status: 404 };
    if (meeting.groupId !== caller.groupId) return { ok: false, status: 403 };
    const access = docAccess(caller, doc);
    if (access === 'none') return { ok: false, status: 403 };
    return { ok: true, access, auth: caller };
  };
}
