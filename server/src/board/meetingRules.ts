// What the board checks need to know about a meeting, synchronously, on every update: who
// facilitates it, which records are locked, whether it has ended. The facilitation engine tells this
// cache after every change it writes to a session; the sync server loads an entry before a board
// connection of the meeting opens, so a check never waits for storage.
import type { MeetingId, ParticipantId, SessionState } from '@vermeboard/shared';

export interface MeetingRules {
  facilitatorId: ParticipantId | null;
  lockedShapeIds: ReadonlySet<string>;
  ended: boolean;
  /** The current agenda item's case owner, for stars in a problem clinic. */
  state: SessionState | null;
}

export const openRules: MeetingRules = { facilitatorId: null, lockedShapeIds: new Set(), ended: false, state: null };

export function rulesOf(state: SessionState): MeetingRules {
  return {
    facilitatorId: state.facilitatorId,
    lockedShapeIds: new Set(state.lockedShapeIds),
    ended: state.status === 'ended',
    state,
  };
}

export class MeetingRulesCache {
  private readonly entries = new Map<MeetingId, MeetingRules>();
  private readonly loading = new Map<MeetingId, Promise<void>>();

  constructor(private readonly read: (meetingId: MeetingId) => Promise<SessionState | null>) {}

  /** The rules as last written or loaded; before any load, the rules of a meeting that has not started. */
  get(meetingId: MeetingId): MeetingRules {
    return this.entries.get(meetingId) ?? openRules;
  }

  set(meetingId: MeetingId, state: SessionState): void {
    this.entries.set(meetingId, rulesOf(state));
  }

  /** Loads a meeting's rules unless they are known; concurrent calls share one read. */
  load(meetingId: MeetingId): Promise<void> {
    if (this.entries.has(meetingId)) return Promise.resolve();
    let pending = this.loading.get(meetingId);
    if (!pending) {
      pending = this.read(meetingId)
        .then((state) => {
          if (state !== null && !this.entries.has(meetingId)) this.set(meetingId, state);
        })
        .finally(() => this.loading.delete(meetingId));
      this.loading.set(meetingId, pending);
    }
    return pending;
  }

  forget(meetingId: MeetingId): void {
    this.entries.delete(meetingId);
  }
}
