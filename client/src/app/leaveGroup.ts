// Leaving a group on this device: everything this browser keeps about the group goes — the identity
// (personal token), which invite links led there, the offline copy of the group page, and the
// IndexedDB copies of its meetings' boards and private notes. The server keeps the person in the
// group's history; coming back through an invite link makes a new identity.
import type { GroupResponse } from '@vermeboard/shared';
import { groupCopyKey } from '../api/client.js';
import { identities } from '../api/identity.js';
import { deleteMeetingCopies } from '../board/localCopies.js';
import { offlineCopies } from '../offline/offlineCopies.js';

export async function leaveGroup(group: Pick<GroupResponse, 'groupId' | 'meetings'>): Promise<void> {
  identities.forgetGroup(group.groupId);
  offlineCopies.forget(groupCopyKey(group.groupId));
  await deleteMeetingCopies(group.meetings.map((m) => m.id));
}
