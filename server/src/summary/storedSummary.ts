// Reading a meeting's stored summary: migrated to today's version on read (shared
// `meetingSummaryFormat`), or quarantined when it cannot be read: left in storage exactly as it
// is, logged, answered with a clear error and never overwritten by a new summary.
import type { Logger } from 'pino';
import { meetingSummaryFormat, type MeetingId, type MeetingSummary } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';

export type StoredSummary = { kind: 'none' } | { kind: 'ok'; summary: MeetingSummary } | { kind: 'unreadable' };

export const quarantinedSummary =
  'this meeting’s summary was stored in a form this server cannot read; it is kept as it was';

export async function readStoredSummary(
  storage: Pick<Storage, 'getMeetingSummary'>,
  meetingId: MeetingId,
  log: Logger,
): Promise<StoredSummary> {
  const stored = await storage.getMeetingSummary(meetingId);
  if (stored === null) return { kind: 'none' };
  const read = meetingSummaryFormat.read(stored);
  if (read.ok) return { kind: 'ok', summary: read.value };
  log.error({ meetingId, reason: read.reason }, 'the stored meeting summary cannot be read: kept as it is');
  return { kind: 'unreadable' };
}
