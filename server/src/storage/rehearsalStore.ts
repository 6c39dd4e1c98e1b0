// The rehearsals a server has started (rehearsal/Rehearsals.ts), kept so that one a restart or a
// dead instance interrupted is still ended and discarded: its throwaway group holds copies of the
// real group's goals and ground rules, and without this row nobody would know it was a rehearsal's.
// The running state (bots, timers) stays in the process that runs it.
import type { GroupId, MeetingId } from '@vermeboard/shared';

export interface RehearsalRecord {
  /** The rehearsal's own group. */
  groupId: GroupId;
  /** The group it rehearses for. */
  realGroupId: GroupId;
  meetingId: MeetingId;
  startedAt: string;
}

export interface RehearsalStore {
  recordRehearsal(rehearsal: RehearsalRecord): Promise<void>;
  /** Rehearsals not yet discarded, oldest first. */
  listUndiscardedRehearsals(): Promise<RehearsalRecord[]>;
  /** Its group's tokens are dead and its documents deleted: nothing is left to discard. */
  markRehearsalDiscarded(groupId: GroupId, at: string): Promise<void>;
}
