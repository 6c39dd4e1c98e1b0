// Rows of the between-meetings tables as both adapters read them, and their records.
import type {
  DatePollId,
  GroupId,
  ParticipantId,
  PlannedMeetingId,
  PollAnswer,
  PollSlotId,
  StreamPostId,
} from '@vermeboard/shared';
import type {
  DatePollRecord,
  PlannedMeetingRecord,
  PollAnswerRecord,
  PollSlotRecord,
  StreamPostRecord,
} from './BetweenStore.js';

export interface PollRow {
  id: string;
  group_id: string;
  title: string;
  created_by: string | null;
  created_at: string;
  booked_slot_id: string | null;
}

export interface SlotRow {
  id: string;
  poll_id: string;
  date: string;
  start_time: string;
  minutes: number;
}

export interface AnswerRow {
  slot_id: string;
  participant_id: string;
  answer: string;
}

export interface PlannedRow {
  id: string;
  group_id: string;
  date: string;
  time: string;
  minutes: number;
  theme: string | null;
  place: string | null;
  from_poll_id: string | null;
  created_at: string;
}

export const toSlot = (r: SlotRow): PollSlotRecord => ({
  id: r.id as PollSlotId,
  date: r.date,
  start: r.start_time,
  minutes: Number(r.minutes),
});

/** Polls with their slots; `slots` in proposal order, of any of the polls. */
export function toPolls(polls: readonly PollRow[], slots: readonly SlotRow[]): DatePollRecord[] {
  return polls.map((p) => ({
    id: p.id as DatePollId,
    groupId: p.group_id as GroupId,
    title: p.title,
    createdBy: p.created_by as ParticipantId | null,
    createdAt: p.created_at,
    bookedSlotId: p.booked_slot_id as PollSlotId | null,
    slots: slots.filter((s) => s.poll_id === p.id).map(toSlot),
  }));
}

export const toAnswer = (r: AnswerRow): PollAnswerRecord => ({
  slotId: r.slot_id as PollSlotId,
  participantId: r.participant_id as ParticipantId,
  answer: r.answer as PollAnswer,
});

export const toPlanned = (r: PlannedRow): PlannedMeetingRecord => ({
  id: r.id as PlannedMeetingId,
  groupId: r.group_id as GroupId,
  date: r.date,
  time: r.time,
  minutes: Number(r.minutes),
  theme: r.theme,
  place: r.place,
  fromPollId: r.from_poll_id as DatePollId | null,
  createdAt: r.created_at,
});

// Answers of removed members no longer count: the grid is about who comes.
export const answersSql = (param: string) => `
  SELECT a.slot_id, a.participant_id, a.answer FROM poll_answers a
  JOIN poll_slots s ON s.id = a.slot_id
  JOIN participants p ON p.id = a.participant_id AND p.removed_at IS NULL
  WHERE s.poll_id = ${param} ORDER BY s.position, p.created_at, p.id`;

export interface StreamRow {
  id: string;
  group_id: string;
  parent_id: string | null;
  participant_id: string;
  author_name: string;
  text: string;
  created_at: string;
  pinned_at: string | null;
}

export const toStreamPost = (r: StreamRow): StreamPostRecord => ({
  id: r.id as StreamPostId,
  groupId: r.group_id as GroupId,
  parentId: r.parent_id as StreamPostId | null,
  participantId: r.participant_id as ParticipantId,
  authorName: r.author_name,
  text: r.text,
  createdAt: r.created_at,
  pinnedAt: r.pinned_at,
});

export const streamSelect = `
  SELECT s.*, p.display_name AS author_name FROM stream_posts s JOIN participants p ON p.id = s.participant_id`;
