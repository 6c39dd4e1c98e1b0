// Names of the live Yjs documents; who may open them is the policy's `docAccess` (policy/policy.ts).
// The sync endpoint is `/sync/<name>`; the y-websocket client calls the name its "room".
//
//   meeting/<meetingId>/board                  tldraw records   facilitator+member write, observer reads
//   meeting/<meetingId>/session                facilitation     server writes, everyone reads
//   meeting/<meetingId>/private/<participant>  private notes    only that participant, read-write
//   meeting/<meetingId>/room/<n>/board         a breakout room  the people the session assigns to
//                                                               room n, and the facilitator
import type { MeetingId, ParticipantId } from './ids.js';
import { isId } from './ids.js';

export type DocName =
  | { kind: 'board'; meetingId: MeetingId }
  | { kind: 'session'; meetingId: MeetingId }
  | { kind: 'private'; meetingId: MeetingId; participantId: ParticipantId }
  | { kind: 'room'; meetingId: MeetingId; room: number };

/** Room numbers count up over a meeting and are never reused, so a new room starts on an empty board. */
export const maxRoomNumber = 9999;

function roomNumber(part: string | undefined): number | null {
  if (part === undefined || !/^[1-9][0-9]{0,3}$/.test(part)) return null;
  return Number(part);
}

export function parseDocName(name: string): DocName | null {
  const parts = name.split('/');
  if (parts[0] !== 'meeting' || !isId(parts[1])) return null;
  const meetingId = parts[1] as MeetingId;
  if (parts.length === 3 && parts[2] === 'board') return { kind: 'board', meetingId };
  if (parts.length === 3 && parts[2] === 'session') return { kind: 'session', meetingId };
  if (parts.length === 4 && parts[2] === 'private' && isId(parts[3])) {
    return { kind: 'private', meetingId, participantId: parts[3] as ParticipantId };
  }
  if (parts.length === 5 && parts[2] === 'room' && parts[4] === 'board') {
    const room = roomNumber(parts[3]);
    if (room !== null) return { kind: 'room', meetingId, room };
  }
  return null;
}

export function formatDocName(doc: DocName): string {
  switch (doc.kind) {
    case 'board':
      return `meeting/${doc.meetingId}/board`;
    case 'session':
      return `meeting/${doc.meetingId}/session`;
    case 'private':
      return `meeting/${doc.meetingId}/private/${doc.participantId}`;
    case 'room':
      return `meeting/${doc.meetingId}/room/${doc.room}/board`;
  }
}
