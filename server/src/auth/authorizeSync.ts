// The sync upgrade's authorization: a ticket (what browsers use) or a bearer token names the caller,
// `syncAccess` decides read or write, and before a writer connects the board checks' rules for the
// meeting are loaded, so that no check waits for storage.
import { parseDocName, type MeetingId } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import type { SyncCredential } from '../sync/SyncServer.js';
import type { AuthorizeResult } from '../sync/SyncAuth.js';
import type { Auth } from './Auth.js';
import { syncAccess, type SessionReader } from './syncAccess.js';

export function createSyncAuthorizer(
  auth: Auth,
  storage: Pick<Storage, 'getMeeting' | 'getParticipant' | 'encounterGroups'>,
  prepareWriter: (meetingId: MeetingId) => Promise<void> = () => Promise.resolve(),
  sessionOf?: SessionReader,
) {
  return async function authorize(docName: string, credential: SyncCredential | null): Promise<AuthorizeResult> {
    const caller =
      credential?.kind === 'ticket'
        ? await auth.redeemSyncTicket(credential.ticket, docName)
        : await auth.authenticate(credential?.token ?? null);
    const result = await syncAccess(storage, docName, caller, sessionOf);
    const doc = parseDocName(docName);
    if (result.ok && result.access === 'write' && doc) await prepareWriter(doc.meetingId);
    return result;
  };
}
