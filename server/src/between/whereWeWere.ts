// The "where we were" card: what a group needs to pick up the thread after its summer break, or
// what someone who joined mid-way missed. Shown in the first meeting after a break (until it ends),
// on the group home meanwhile, and in a newcomer's welcome.
import {
  notificationLimits,
  type GroupId,
  type MeetingSummary,
  type ParticipantId,
  type WhereWeWere,
  type WhereWeWereReason,
} from '@vermeboard/shared';
import type { Logger } from 'pino';
import { readStoredSummary } from '../summary/storedSummary.js';
import type { Storage } from '../storage/Storage.js';
import { todayIn, groupTimeZone } from './seasonPlan.js';

/** The lines of a summary worth recalling: key questions, starred ideas, what the reflections meant. */
export function summaryHighlights(summary: MeetingSummary): string[] {
  const lines = [
    ...summary.cases.flatMap((c) => [...c.keyQuestion, ...c.starredIdeas]),
    ...summary.reflections.flatMap((r) => [...r.soWhat, ...r.nowWhat]),
    ...summary.goals.flatMap((g) => g.progress.map((p) => p.text)),
  ];
  return [...new Set(lines.map((l) => l.trim()).filter(Boolean))].slice(0, notificationLimits.highlights);
}

export async function whereWeWere(
  storage: Storage,
  groupId: GroupId,
  participantId: ParticipantId | null,
  logger: Logger,
  now = new Date(),
): Promise<WhereWeWere> {
  const [meetings, pause, me] = await Promise.all([
    storage.listMeetings(groupId),
    storage.getGroupBreak(groupId),
    participantId ? storage.getParticipant(participantId) : Promise.resolve(null),
  ]);
  const ended = meetings
    .filter((m): m is typeof m & { endedAt: string } => m.endedAt !== null)
    .sort((a, b) => b.endedAt.localeCompare(a.endedAt));
  const timeZone = await groupTimeZone(storage, groupId);
  const today = todayIn(timeZone, now);
  // After a break: it is over, and no meeting has ended since its last day.
  const afterBreak =
    pause !== null &&
    pause.to < today &&
    ended.length > 0 &&
    !ended.some((m) => todayIn(timeZone, new Date(m.endedAt)) > pause.to);
  const newcomer = me !== null && ended.some((m) => m.endedAt < me.createdAt);
  const reason: WhereWeWereReason | null = afterBreak ? 'afterBreak' : newcomer ? 'newcomer' : null;
  const empty: WhereWeWere = {
    reason: null,
    newcomer,
    break: pause,
    lastMeetingId: null,
    highlights: [],
    goals: [],
    openActionItems: [],
    summaries: [],
  };
  if (reason === null) return empty;

  let lastMeetingId = null;
  let highlights: string[] = [];
  for (const m of ended) {
    const stored = await readStoredSummary(storage, m.id, logger);
    if (stored.kind === 'ok') {
      lastMeetingId = m.id;
      highlights = summaryHighlights(stored.summary);
      break;
    }
  }
  const [goals, items] = await Promise.all([storage.listGoals(groupId), storage.listActionItems(groupId, true)]);
  return {
    ...empty,
    reason,
    lastMeetingId,
    highlights,
    goals: goals.map((g) => g.text),
    openActionItems: items.map((a) => ({ text: a.text, ownerName: a.ownerName, dueDate: a.dueDate })),
    summaries: ended.slice(0, notificationLimits.summaries).map((m) => ({ meetingId: m.id, endedAt: m.endedAt })),
  };
}
