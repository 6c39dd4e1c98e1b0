// Who is in a meeting, counted from live sync connections: a participant is present while at least
// one of their connections to the meeting's board or session document is open (several tabs, or a
// reconnect that overlaps the old socket, count once). Link-token connections have no participant
// and are not counted; neither are private documents, which only ever come with a board.
import type { MeetingId, ParticipantId, Role } from '@vermeboard/shared';
import { parseDocName } from '@vermeboard/shared';
import type { ConnectionChange } from '../sync/SyncServer.js';

export type PresenceChange =
  | { kind: 'join'; meetingId: MeetingId; participantId: ParticipantId; role: Role }
  | { kind: 'leave'; meetingId: MeetingId; participantId: ParticipantId };

/** Presence over several instances: each counts its own connections, Redis knows who counts where. */
export interface SharedPresence {
  /**
   * Records that this instance's connections of the person began or ended; answers the change
   * when it changes whether the person is present anywhere, else null.
   */
  confirm(change: PresenceChange): Promise<PresenceChange | null>;
  /** Whether a live instance holds a connection of the person to the meeting. */
  isConnected(meetingId: MeetingId, participantId: ParticipantId): Promise<boolean>;
}

export class PresenceCounter {
  private readonly counts = new Map<string, number>();

  /** Counts a connection change; returns the join or leave it causes, if any. */
  count(change: ConnectionChange): PresenceChange | null {
    const { participantId, role } = change.auth;
    const doc = parseDocName(change.docName);
    if (participantId === null || doc === null || doc.kind === 'private') return null;
    const key = keyOf(doc.meetingId, participantId);
    const before = this.counts.get(key) ?? 0;
    const after = Math.max(0, before + (change.open ? 1 : -1));
    if (after === 0) this.counts.delete(key);
    else this.counts.set(key, after);
    if (before === 0 && after === 1) return { kind: 'join', meetingId: doc.meetingId, participantId, role };
    if (before > 0 && after === 0) return { kind: 'leave', meetingId: doc.meetingId, participantId };
    return null;
  }

  isConnected(meetingId: MeetingId, participantId: ParticipantId): boolean {
    return this.counts.has(keyOf(meetingId, participantId));
  }
}

function keyOf(meetingId: MeetingId, participantId: ParticipantId): string {
  return `${meetingId}/${participantId}`;
}
