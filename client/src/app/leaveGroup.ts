// Leaving a group on this device: everything this browser keeps about the group goes — the identity
// (personal token), which invite links led there, the offline copy of the group page, and the
// IndexedDB copies of its meetings' boards and private notes. The server keeps the person in the
// group's history; coming back through an invite link makes a new identity. A mail address given
// for the group's mail is deleted on the server first, as it was only ever for this identity.
import type { GroupResponse } from '@vermeboard/shared';
import { groupCopyKey } from '../api/client.js';
import { identities } from '../api/identity.js';
import { notifyApi } from '../api/notify.js';
import { deleteMeetingCopies } from '../board/localCopies.js';
import { offlineCopies } from '../offline/offlineCopies.js';

export async function leaveGroup(group: Pick<GroupResponse, 'groupId' | 'meetings' | 'role'>): Promise<void> {
  const me = identities.get(group.groupId);
  // Observers keep no address. Offline, or with the token revoked, there is nothing to delete that
  // the person could still reach; leaving must not wait on it.
  if (me && group.role !== 'observer')
    await notifyApi(group.groupId, me.participantToken)
      .removeMail()
      .catch(() => undefined);
  identities.forgetGroup(group.groupId);
  offlineCopies.forget(groupCopyKey(group.groupId));
  await deleteMeetingCopies(group.meetings.map((m) => m.id));
}
