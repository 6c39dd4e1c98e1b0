// A group's goals (1–3 active) and the progress notes members add to them meeting by meeting.
import { z } from 'zod';
import type { MeetingId, ParticipantId } from '../ids.js';
import { meetingIdSchema } from '../ids.js';
import type { GoalId, ProgressNoteId } from './ids.js';
import { goalIdSchema } from './ids.js';
import { processLimits } from './limits.js';
import { boundedText } from './text.js';

export interface Goal {
  id: GoalId;
  text: string;
  /** Order among the group's active goals, 0 first. */
  position: number;
  createdAt: string;
  archivedAt: string | null;
}

export interface GoalsResponse {
  goals: Goal[];
}

export interface ProgressNote {
  id: ProgressNoteId;
  goalId: GoalId;
  meetingId: MeetingId;
  participantId: ParticipantId;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface ProgressNotesResponse {
  notes: ProgressNote[];
}

export const goalBody = z.object({ text: boundedText(processLimits.goalText) });
export type GoalBody = z.infer<typeof goalBody>;

export const goalOrderBody = z.object({
  goalIds: z.array(goalIdSchema).min(1).max(processLimits.activeGoals),
});
export type GoalOrderBody = z.infer<typeof goalOrderBody>;

export const progressNoteBody = z.object({
  meetingId: meetingIdSchema,
  text: boundedText(processLimits.progressText, { multiline: true }),
});
export type ProgressNoteBody = z.infer<typeof progressNoteBody>;

/** Why the fourth goal is refused; shown to whoever tries. */
export const tooManyGoalsMessage =
  `a group keeps at most ${processLimits.activeGoals} active goals: a few concrete goals can be recalled ` +
  'at the start of every meeting and followed up; archive one before adding another';
