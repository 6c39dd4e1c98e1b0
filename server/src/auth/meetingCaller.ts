// Who a caller is in one meeting. In their own group's meeting, what their token says. In an
// encounter (a meeting of a program's plaza group) that invited their group, themselves — their own
// participant id and name — as a member of the plaza: the coordinator facilitates it, and nobody
// from a group can claim it (policy `encounter.visit`, `visitorRole`). Anywhere else, nobody.
// The sync upgrade, the sync tickets, session commands and image uploads all ask here; breakout
// rooms (documents under the meeting) will ask the same question before their room assignment.
import { refusal, visitorRole } from '@vermeboard/shared';
import type { MeetingRecord, Storage } from '../storage/Storage.js';
import type { Caller } from './Auth.js';

export type MeetingCallerStore = Pick<Storage, 'encounterGroups'>;

export type MeetingCaller = { ok: true; caller: Caller } | { ok: false; reason: string };

export async function callerInMeeting(
  storage: MeetingCallerStore,
  meeting: Pick<MeetingRecord, 'id' | 'groupId'>,
  caller: Caller,
): Promise<MeetingCaller> {
  if (meeting.groupId === caller.groupId) return { ok: true, caller };
  const invited = (await storage.encounterGroups(meeting.id)).includes(caller.groupId);
  const refused = refusal(caller, 'encounter.visit', { invited });
  if (refused !== null) return { ok: false, reason: refused };
  return { ok: true, caller: { ...caller, role: visitorRole(caller.role) } };
}
