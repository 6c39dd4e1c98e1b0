// Writing down an ended meeting: progress notes and action items taken from its board, then its
// summary. Runs every time the meeting is ended (see Facilitation.endMeeting): the board rows are
// keyed by shape so a repeat adds nothing twice, and the summary is rebuilt from the same sources.
import type { Logger } from 'pino';
import {
  formatDocName,
  type ActionItemId,
  type MeetingId,
  type MeetingSummary,
  type ProgressNoteId,
} from '@vermeboard/shared';
import { randomId } from '../auth/tokens.js';
import type { DocWriter } from '../facilitation/privateNotes.js';
import { readSession } from '../facilitation/sessionDoc.js';
import { nextMeetingOf } from '../storage/nextMeeting.js';
import type { Storage } from '../storage/Storage.js';
import { actionsFromBoard, progressFromBoard } from './boardHarvest.js';
import { BoardShapes, readBoard } from './boardShapes.js';
import { buildSummary } from './buildSummary.js';
import { quarantinedSummary, readStoredSummary } from './storedSummary.js';

export type SummaryWriter = (meetingId: MeetingId) => Promise<MeetingSummary | null>;

export function createSummaryWriter(docs: DocWriter, storage: Storage, log: Logger): SummaryWriter {
  return async (meetingId) => {
    const meeting = await storage.getMeeting(meetingId);
    if (meeting === null || meeting.endedAt === null) return null;
    const existing = await readStoredSummary(storage, meetingId, log);
    // The retention rule deleted the board: what was written down when it ended is all there is.
    if (meeting.boardDeletedAt !== null) return existing.kind === 'ok' ? existing.summary : null;
    // A summary this server cannot read may hold what no board holds any more: never write over it.
    if (existing.kind === 'unreadable') throw new Error(quarantinedSummary);
    const endedAt = meeting.endedAt;
    const group = await storage.getGroup(meeting.groupId);
    if (group === null) return null;

    const stored = await docs.withDoc(formatDocName({ kind: 'session', meetingId }), (doc) => readSession(doc));
    // Ending is refused on a quarantined session, so this is a session that broke since.
    if (!stored.ok) throw new Error(`cannot summarize: ${stored.reason}`);
    const session = stored.value;
    const shapes = new BoardShapes(await docs.withDoc(formatDocName({ kind: 'board', meetingId }), readBoard));
    const [participants, allGoals] = await Promise.all([
      storage.listParticipants(meeting.groupId),
      storage.listGoals(meeting.groupId, true),
    ]);
    const input = { session, shapes, goals: allGoals, participants };

    const progress = progressFromBoard(input);
    await storage.saveBoardProgressNotes(
      progress.map((p) => ({ ...p, id: randomId() as ProgressNoteId, meetingId, createdAt: endedAt })),
    );
    const created = await storage.createBoardActionItems(
      actionsFromBoard(input).map((a) => ({
        ...a,
        id: randomId() as ActionItemId,
        groupId: meeting.groupId,
        meetingId,
        createdAt: endedAt,
      })),
    );

    const active = allGoals.filter((g) => g.archivedAt === null);
    const goals = await Promise.all(
      active.map(async (goal) => ({
        goal,
        notes: (await storage.listProgressNotes(goal.id)).filter((n) => n.meetingId === meetingId),
      })),
    );
    const actionItems = (await storage.listActionItems(meeting.groupId, false)).filter(
      (a) => a.meetingId === meetingId,
    );
    const settings = await storage.getGroupSettings(meeting.groupId);
    const summary = buildSummary({
      groupName: group.name,
      nextMeeting: settings ? nextMeetingOf(settings) : null,
      meeting: { ...meeting, endedAt },
      session,
      shapes,
      participants,
      goals,
      actionItems,
    });
    await storage.putMeetingSummary(meetingId, summary, new Date().toISOString());
    log.info({ meetingId, progressNotes: progress.length, actionItemsCreated: created }, 'wrote the meeting summary');
    return summary;
  };
}
