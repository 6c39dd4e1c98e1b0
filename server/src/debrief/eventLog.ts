// The meeting event log's writer: the facilitation engine tells it each session change it writes
// (the state before, the state after, the server time), and after the session document's
// transaction it appends the events derived from them (shared deriveEvents) to storage. The log is
// a record of what happened, not a source of the session: a failure to store is logged, and the
// change it describes stands.
import type { Logger } from 'pino';
import {
  deriveEvents,
  meetingEventLimits,
  type MeetingEvent,
  type MeetingId,
  type SessionState,
} from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';

export interface MeetingEventLog {
  /** Notes the events of one change; called inside the session document's transaction. */
  record(meetingId: MeetingId, prev: SessionState, next: SessionState, at: number): void;
  /** Stores what `record` noted for the meeting; called after the transaction, in the meeting's queue. */
  flush(meetingId: MeetingId): Promise<void>;
}

export function createMeetingEventLog(storage: Pick<Storage, 'appendMeetingEvents'>, log: Logger): MeetingEventLog {
  const pending = new Map<MeetingId, MeetingEvent[]>();
  return {
    record(meetingId, prev, next, at) {
      const events = deriveEvents(prev, next, at);
      if (events.length === 0) return;
      const list = pending.get(meetingId);
      if (list) list.push(...events);
      else pending.set(meetingId, events);
    },
    async flush(meetingId) {
      const events = pending.get(meetingId);
      if (!events) return;
      pending.delete(meetingId);
      try {
        const stored = await storage.appendMeetingEvents(meetingId, events, meetingEventLimits.perMeeting);
        if (stored < events.length)
          log.warn({ meetingId, dropped: events.length - stored }, 'the meeting event log is full');
      } catch (err) {
        log.error({ err, meetingId }, 'could not store meeting events');
      }
    },
  };
}
