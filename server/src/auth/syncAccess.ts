// Who may open which sync document: one rule for the WebSocket upgrade and for the ticket that a
// browser asks for just before it (so a browser learns over HTTP that a meeting is gone, and a
// ticket opens only the document it was bought for).
import { docAccess, parseDocName } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import type { AuthorizeResult } from '../sync/SyncAuth.js';
import type { Caller } from './Auth.js';

export async function syncAccess(
  storage: Pick<Storage, 'getMeeting'>,
  docName: string,
  caller: Caller | null,
): Promise<AuthorizeResult> {
  const doc = parseDocName(docName);
  if (!doc) return { ok: false, status: 400 };
  if (!caller) return { ok: false, status: 401 };
  const meeting = await storage.getMeeting(doc.meetingId);
  // A meeting whose board the retention rule deleted has no documents to open any more.
  if (!meeting || meeting.boardDeletedAt) return { ok: false, status: 404 };
  if (meeting.groupId !== caller.groupId) return { ok: false, status: 403 };
  const access = docAccess(doc, caller.role, caller.participantId);
  if (access === 'none') return { ok: false, status: 403 };
  return { ok: true, access, auth: caller };
}
