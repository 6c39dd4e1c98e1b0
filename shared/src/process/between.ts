// Between meetings: finding a common time (a date poll), the season plan of booked meetings, and
// the group's calendar (time zone, feed link). The ranking of a poll's slots lives here so that the
// server's answer and any client agree on what "best first" means.
import { z } from 'zod';
import { participantIdSchema } from '../ids.js';
import { timeOfDaySchema } from './group.js';
import { datePollIdSchema, plannedMeetingIdSchema, pollSlotIdSchema, streamPostIdSchema } from './ids.js';
import { boundedText, isoDateSchema } from './text.js';

export const betweenLimits = {
  pollTitle: 120,
  /** A poll offers a few weeks of evenings at most; more is a survey nobody finishes. */
  pollSlots: 20,
  /** Open (unbooked) polls of a group at once. */
  openPolls: 5,
  /** Meetings last from a quarter of an hour to a full day. */
  slotMinMinutes: 15,
  slotMaxMinutes: 12 * 60,
  /** A season of 6–8 meetings, with room for two seasons and extra dates. */
  plannedMeetings: 40,
  planTheme: 200,
  planPlace: 500,
  timeZone: 64,
} as const;

/** A peer-group meeting's usual length, when nobody said otherwise. */
export const defaultMeetingMinutes = 120;

export const pollAnswerSchema = z.enum(['yes', 'maybe', 'no']);
export type PollAnswer = z.infer<typeof pollAnswerSchema>;

const minutesSchema = z
  .number()
  .int('must be a whole number of minutes')
  .min(betweenLimits.slotMinMinutes)
  .max(betweenLimits.slotMaxMinutes);

export const pollSlotInputSchema = z.object({
  date: isoDateSchema,
  start: timeOfDaySchema,
  minutes: minutesSchema,
});
export type PollSlotInput = z.infer<typeof pollSlotInputSchema>;

export const createDatePollBody = z.object({
  title: boundedText(betweenLimits.pollTitle),
  slots: z
    .array(pollSlotInputSchema)
    .min(1, 'propose at least one time')
    .max(betweenLimits.pollSlots, `at most ${betweenLimits.pollSlots} times`)
    .refine(
      (slots) => new Set(slots.map((s) => `${s.date} ${s.start}`)).size === slots.length,
      'the same time is proposed twice',
    ),
});
export type CreateDatePollBody = z.infer<typeof createDatePollBody>;

/** The caller's answers: one per slot they answer; slots left out keep no answer. Replaces earlier ones. */
export const answerDatePollBody = z.object({
  answers: z
    .array(z.object({ slotId: pollSlotIdSchema, answer: pollAnswerSchema }))
    .max(betweenLimits.pollSlots)
    .refine((a) => new Set(a.map((x) => x.slotId)).size === a.length, 'a time is answered twice'),
});
export type AnswerDatePollBody = z.infer<typeof answerDatePollBody>;

export const bookDatePollBody = z.object({
  slotId: pollSlotIdSchema,
  theme: boundedText(betweenLimits.planTheme).nullable().default(null),
});
export type BookDatePollBody = z.input<typeof bookDatePollBody>;

export const pollSlotSchema = z.object({
  id: pollSlotIdSchema,
  date: z.string(),
  start: z.string(),
  minutes: z.number().int(),
  /** Everyone's answer to this slot (members see each other's, as on a paper grid). */
  answers: z.array(z.object({ participantId: participantIdSchema, displayName: z.string(), answer: pollAnswerSchema })),
  yes: z.number().int(),
  maybe: z.number().int(),
  no: z.number().int(),
});
export type PollSlot = z.infer<typeof pollSlotSchema>;

export const datePollSchema = z.object({
  id: datePollIdSchema,
  title: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** The slot the facilitator booked; the poll is closed then. */
  bookedSlotId: pollSlotIdSchema.nullable(),
  /** Best first (see `rankSlots`). */
  slots: z.array(pollSlotSchema),
  /** How many people answered at least one slot. */
  respondents: z.number().int(),
});
export type DatePoll = z.infer<typeof datePollSchema>;

export const datePollsResponseSchema = z.object({ polls: z.array(datePollSchema) });
export type DatePollsResponse = z.infer<typeof datePollsResponseSchema>;

/**
 * Best first: fewest "no", then most "yes", then most "if need be", then the earliest. A slot nobody
 * can make beats none, but one that everyone can make beats one where someone only "could".
 */
export function rankSlots<T extends { date: string; start: string; yes: number; maybe: number; no: number }>(
  slots: readonly T[],
): T[] {
  return [...slots].sort(
    (a, b) =>
      a.no - b.no ||
      b.yes - a.yes ||
      b.maybe - a.maybe ||
      a.date.localeCompare(b.date) ||
      a.start.localeCompare(b.start),
  );
}

// ---- The season plan ----

export const plannedMeetingSchema = z.object({
  id: plannedMeetingIdSchema,
  date: z.string(),
  time: z.string(),
  minutes: z.number().int(),
  theme: z.string().nullable(),
  place: z.string().nullable(),
  /** Set when the date was booked from a poll. */
  fromPollId: datePollIdSchema.nullable(),
});
export type PlannedMeeting = z.infer<typeof plannedMeetingSchema>;

export const plannedMeetingBody = z.object({
  date: isoDateSchema,
  time: timeOfDaySchema,
  minutes: minutesSchema.default(defaultMeetingMinutes),
  theme: boundedText(betweenLimits.planTheme).nullable().default(null),
  place: boundedText(betweenLimits.planPlace).nullable().default(null),
});
export type PlannedMeetingBody = z.input<typeof plannedMeetingBody>;

// ---- The group's calendar ----

/** An IANA time zone the runtime knows (`Europe/Helsinki`). */
export const timeZoneSchema = z
  .string()
  .max(betweenLimits.timeZone)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz);
    } catch {
      return false;
    }
  }, 'must be a time zone like Europe/Helsinki');

/** Finnish peer groups meet in Finland: the time zone until the facilitator picks another. */
export const defaultTimeZone = 'Europe/Helsinki';

export const timeZoneBody = z.object({ timeZone: timeZoneSchema });

export const seasonPlanResponseSchema = z.object({
  timeZone: z.string(),
  /** Upcoming and past planned meetings, by date and time. */
  meetings: z.array(plannedMeetingSchema),
  /** The calendar feed (`webcal`-able https URL path) for calendar apps; absent for observers. */
  feedPath: z.string().optional(),
});
export type SeasonPlanResponse = z.infer<typeof seasonPlanResponseSchema>;

/** Path of a group's calendar feed for a feed token. */
export const calendarFeedPath = (token: string) => `/api/calendar/${token}.ics`;

// ---- The between-meetings stream ----

export const streamLimits = {
  /** A line: a question, a link, a progress note on a goal. */
  postText: 500,
  /** Posts a group keeps at once (retention and removal make room). */
  posts: 1000,
} as const;

export const streamPostSchema = z.object({
  id: streamPostIdSchema,
  /** A reply's post; null for a post of the stream. */
  parentId: streamPostIdSchema.nullable(),
  authorId: participantIdSchema,
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
  pinnedAt: z.string().nullable(),
  /** How many people said thanks, and whether the caller is one of them. */
  thanks: z.number().int(),
  thankedByMe: z.boolean(),
});
export type StreamPost = z.infer<typeof streamPostSchema>;

/** Oldest first; the client nests replies under their posts and puts pinned posts on top. */
export const streamResponseSchema = z.object({ posts: z.array(streamPostSchema) });
export type StreamResponse = z.infer<typeof streamResponseSchema>;

export const streamPostBody = z.object({
  text: boundedText(streamLimits.postText, { multiline: true }),
  parentId: streamPostIdSchema.nullable().default(null),
});
export type StreamPostBody = z.input<typeof streamPostBody>;

export const streamPinBody = z.object({ pinned: z.boolean() });
export const streamThanksBody = z.object({ thanks: z.boolean() });
