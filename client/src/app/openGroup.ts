// Where a person lands after joining: the group's current meeting, or the group page (which waits for
// the facilitator) when there is none yet. Replaces the join address so Back does not re-run the join.
import type { GroupId } from '@vermeboard/shared';
import { getGroup } from '../api/client.js';
import { navigate } from './navigation.js';
import { latestMeeting, rememberOpenedGroup } from './useGroup.js';

export async function openGroup(groupId: GroupId, token: string, signal?: AbortSignal): Promise<void> {
  const group = await getGroup(groupId, token, signal);
  rememberOpenedGroup(groupId, token, group);
  const meeting = latestMeeting(group);
  if (meeting) navigate({ name: 'meeting', groupId, meetingId: meeting.id }, { replace: true });
  else navigate({ name: 'group', groupId }, { replace: true });
}
