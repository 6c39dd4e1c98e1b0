// Names of the live Yjs documents; who may open them is the policy's `docAccess` (policy/policy.ts).
// The sync endpoint is `/sync/<name>`; the y-websocket client calls the name its "room".
//
//   meeting/<meetingId>/board                  tldraw records   facilitator+member write, observer reads
//   meeting/<meetingId>/session                facilitation     server writes, everyone reads
//   meeting/<meetingId>/private/<participant>  private notes    only that participant, read-write
import type { MeetingId, ParticipantId } from './ids.js';
import { isId } from './ids.js';

export type DocName =
  | { kind: 'board'; meetingId: MeetingId }
  | { kind: 'session'; meetingId: MeetingId }
  | { kind: 'private'; meetingId: MeetingId; participantId: ParticipantId };

export function parseDocName(name: string): DocName | null {
  const parts = name.split('/');
  if (parts[0] !== 'meeting' || !isId(parts[1])) return null;
  const meetingId = parts[1] as MeetingId;
  if (parts.length === 3 && parts[2] === 'board') return { kind: 'board', meetingId };
  if (parts.length === 3 && parts[2] === 'session') return { kind: 'session', meetingId };
  if (parts.length === 4 && parts[2] === 'private' && isId(parts[3])) {
    return { kind: 'private', meetingId, participantId: parts[3] as ParticipantId };
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
  }
}
