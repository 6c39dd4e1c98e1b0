// A meeting's summary: what the server writes down from the session and the board when the meeting
// ends (server/src/summary/), stored per meeting and read by the group home, the print view, the
// welcome page and the Markdown export. Names of methods and steps are kept in every UI language,
// so the summary reads the same whatever becomes of the method library.
import { z } from 'zod';
import { meetingIdSchema, participantIdSchema } from '../ids.js';
import { addSwedishFromEnglish } from '../persisted/addSwedish.js';
import { versioned, type Migration } from '../persisted/versioned.js';
import { actionItemIdSchema, goalIdSchema } from '../process/ids.js';
import { isoDateSchema } from '../process/text.js';
import { roleSchema } from '../roles.js';

const localized = z.strictObject({ en: z.string(), fi: z.string(), sv: z.string() });
const isoTime = z.string().max(40);
const texts = z.array(z.string());

export const summaryPersonSchema = z.strictObject({ id: participantIdSchema, name: z.string() });
export type SummaryPerson = z.infer<typeof summaryPersonSchema>;

export const summaryStepSchema = z.strictObject({
  stepId: z.string(),
  title: localized,
  /** The step's default timebox. */
  plannedMinutes: z.number().min(0),
  /** First entered and last left; null when the meeting never reached the step. */
  enteredAt: isoTime.nullable(),
  leftAt: isoTime.nullable(),
  /** Time spent on the step over all its visits. */
  durationMs: z.number().int().min(0),
});
export type SummaryStep = z.infer<typeof summaryStepSchema>;

export const summaryAgendaItemSchema = z.strictObject({
  instanceId: z.string(),
  methodId: z.string(),
  name: localized,
  steps: z.array(summaryStepSchema),
});
export type SummaryAgendaItem = z.infer<typeof summaryAgendaItemSchema>;

export const summaryGoalSchema = z.strictObject({
  goalId: goalIdSchema,
  text: z.string(),
  /** This meeting's progress notes on the goal. */
  progress: z.array(z.strictObject({ authorName: z.string(), text: z.string() })),
});
export type SummaryGoal = z.infer<typeof summaryGoalSchema>;

export const summaryCaseSchema = z.strictObject({
  instanceId: z.string(),
  methodName: localized,
  owner: summaryPersonSchema.nullable(),
  /**
   * Breakout rooms' own case owners (Troika consulting, Wise crowds), by room name; absent in
   * summaries written before rooms chose their own and when no room did.
   */
  roomOwners: z.array(z.strictObject({ room: z.string(), owner: summaryPersonSchema })).optional(),
  /** Texts in the key-question frame (usually one "How can I …?"). */
  keyQuestion: texts,
  /** Ideas the case owner starred (see SHAPE_META). */
  starredIdeas: texts,
});
export type SummaryCase = z.infer<typeof summaryCaseSchema>;

export const summaryReflectionSchema = z.strictObject({
  instanceId: z.string(),
  what: texts,
  soWhat: texts,
  nowWhat: texts,
});
export type SummaryReflection = z.infer<typeof summaryReflectionSchema>;

export const summaryActionItemSchema = z.strictObject({
  id: actionItemIdSchema,
  text: z.string(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type SummaryActionItem = z.infer<typeof summaryActionItemSchema>;

export const summaryVoteSchema = z.strictObject({
  voteId: z.string(),
  /** The name of the frame voted in, when it has one. */
  frameName: z.string().nullable(),
  voterCount: z.number().int().min(0),
  /** Most votes first. */
  results: z.array(z.strictObject({ shapeId: z.string(), text: z.string(), count: z.number().int().min(0) })),
});
export type SummaryVote = z.infer<typeof summaryVoteSchema>;

/** How a summary written by an older server becomes today's, oldest first. */
const summaryMigrations: readonly Migration[] = [addSwedishFromEnglish];

export const summaryNextMeetingSchema = z.strictObject({
  date: z.string().nullable(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  theme: z.string().nullable(),
});

export type SummaryNextMeeting = z.infer<typeof summaryNextMeetingSchema>;

export const meetingSummarySchema = z.strictObject({
  version: z.literal(summaryMigrations.length + 1),
  meetingId: meetingIdSchema,
  groupName: z.string(),
  startedAt: isoTime,
  endedAt: isoTime,
  facilitator: summaryPersonSchema.nullable(),
  attendees: z.array(summaryPersonSchema.extend({ role: roleSchema })),
  agenda: z.array(summaryAgendaItemSchema),
  goals: z.array(summaryGoalSchema),
  cases: z.array(summaryCaseSchema),
  reflections: z.array(summaryReflectionSchema),
  actionItems: z.array(summaryActionItemSchema),
  votes: z.array(summaryVoteSchema),
  /** The next meeting as agreed by the end; absent in summaries written before it was recorded. */
  nextMeeting: summaryNextMeetingSchema.nullable().optional(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

/** A summary as stored: read it only through here. */
export const meetingSummaryFormat = versioned({
  name: 'meeting summary',
  schema: meetingSummarySchema,
  migrations: summaryMigrations,
});

export const meetingSummaryResponseSchema = z.object({ summary: meetingSummarySchema });
export type MeetingSummaryResponse = z.infer<typeof meetingSummaryResponseSchema>;

/**
 * Marks on board shapes that the summary reads (in a tldraw record's `meta`):
 *
 * - `vbStarred: true` — the case owner starred this idea note (the "Star" control on a selected
 *   note, offered to the case owner and the facilitator). Starred notes inside any frame of a case's
 *   agenda item are that case's starred ideas.
 * - `vbAction: { ownerParticipantId, dueDate }` — the note is an action item (the "Action" control
 *   on a selected note). Notes in a reflection's "Now what?" column are action items even unmarked.
 * - `vbGoalId` — a goal card placed by the goal recap names the goal it shows.
 */
export const SHAPE_META = {
  starred: 'vbStarred',
  action: 'vbAction',
  goalId: 'vbGoalId',
} as const;

export const boardActionMetaSchema = z.object({
  ownerParticipantId: participantIdSchema.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
});
export type BoardActionMeta = z.infer<typeof boardActionMetaSchema>;
