// A group's goals (1–3 active) and the progress notes members add to them meeting by meeting.
import { z } from 'zod';
import { meetingIdSchema, participantIdSchema } from '../ids.js';
import { goalIdSchema, progressNoteIdSchema } from './ids.js';
import { processLimits } from './limits.js';
import { boundedText } from './text.js';

export const goalSchema = z.object({
  id: goalIdSchema,
  text: z.string(),
  /** Order among the group's active goals, 0 first. */
  position: z.number().int(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type Goal = z.infer<typeof goalSchema>;

export const goalsResponseSchema = z.object({ goals: z.array(goalSchema) });
export type GoalsResponse = z.infer<typeof goalsResponseSchema>;

export const progressNoteSchema = z.object({
  id: progressNoteIdSchema,
  goalId: goalIdSchema,
  meetingId: meetingIdSchema,
  participantId: participantIdSchema,
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type ProgressNote = z.infer<typeof progressNoteSchema>;

export const progressNotesResponseSchema = z.object({ notes: z.array(progressNoteSchema) });
export type ProgressNotesResponse = z.infer<typeof progressNotesResponseSchema>;

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
