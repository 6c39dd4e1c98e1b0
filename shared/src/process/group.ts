// Group-level process data: members, invite-link rotation, ground rules, the next meeting, retention
// and the meeting history the group home lists.
import { z } from 'zod';
import { roleTokensSchema } from '../api.js';
import { meetingIdSchema, participantIdSchema } from '../ids.js';
import { roleSchema } from '../roles.js';
import { processLimits } from './limits.js';
import { groupLocaleSchema } from './locale.js';
import { boundedText, isoDateSchema } from './text.js';

export const rotateLinksResponseSchema = z.object({ tokens: roleTokensSchema, links: roleTokensSchema });
export type RotateLinksResponse = z.infer<typeof rotateLinksResponseSchema>;

/** Removing someone also renews the invite links (they were in that person's browser too). */
export type RemoveParticipantResponse = RotateLinksResponse;

export const memberSchema = z.object({
  id: participantIdSchema,
  displayName: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
  /** A removed participant keeps their name in the history; their token no longer works. */
  removed: z.boolean(),
  removedAt: z.string().nullable(),
  /** Meetings this participant started as facilitator, oldest first. */
  facilitatedMeetings: z.array(meetingIdSchema),
});
export type Member = z.infer<typeof memberSchema>;

export const membersResponseSchema = z.object({ members: z.array(memberSchema) });
export type MembersResponse = z.infer<typeof membersResponseSchema>;

export const meetingHistoryEntrySchema = z.object({
  id: meetingIdSchema,
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  facilitatedBy: participantIdSchema.nullable(),
  /** Set when the retention rule deleted the board and private notes. */
  boardDeletedAt: z.string().nullable(),
});
export type MeetingHistoryEntry = z.infer<typeof meetingHistoryEntrySchema>;

export const meetingsResponseSchema = z.object({ meetings: z.array(meetingHistoryEntrySchema) });
export type MeetingsResponse = z.infer<typeof meetingsResponseSchema>;

export const endMeetingResponseSchema = z.object({ meetingId: meetingIdSchema, endedAt: z.string() });
export type EndMeetingResponse = z.infer<typeof endMeetingResponseSchema>;

/** One record of the next meeting, agreed in the meeting's last step or on the group home. */
export const nextMeetingSchema = z.object({
  date: z.string().nullable(),
  /** Local time of day, `HH:MM`; a server from before the time and place sends none. */
  time: z.string().nullable().catch(null),
  /** A room, an address or a video link. */
  place: z.string().nullable().catch(null),
  theme: z.string().nullable(),
});
export type NextMeeting = z.infer<typeof nextMeetingSchema>;

export const groupSettingsResponseSchema = z.object({
  locale: groupLocaleSchema,
  groundRules: z.array(z.string()),
  nextMeeting: nextMeetingSchema,
  /** Boards and private notes of a meeting are deleted this many days after it ends; null keeps them. */
  deleteBoardsAfterDays: z.number().int().positive().nullable(),
});
export type GroupSettingsResponse = z.infer<typeof groupSettingsResponseSchema>;

export const groundRulesBody = z.object({
  rules: z
    .array(boundedText(processLimits.groundRule))
    .max(processLimits.groundRules, `at most ${processLimits.groundRules} ground rules`),
});
export type GroundRulesBody = z.infer<typeof groundRulesBody>;

export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 17:30');

export const nextMeetingBody = z.object({
  date: isoDateSchema.nullable(),
  // Optional so that a browser from before the time and place still saves date and theme (kept as null).
  time: timeOfDaySchema.nullable().default(null),
  place: boundedText(processLimits.nextMeetingPlace).nullable().default(null),
  theme: boundedText(processLimits.nextMeetingTheme).nullable(),
});
/** What a client sends; the server's parse fills in what an older client leaves out. */
export type NextMeetingBody = z.input<typeof nextMeetingBody>;

export const retentionBody = z.object({
  deleteBoardsAfterDays: z
    .number()
    .int('must be a whole number of days')
    .min(1)
    .max(processLimits.retentionDays)
    .nullable(),
});
export type RetentionBody = z.infer<typeof retentionBody>;
