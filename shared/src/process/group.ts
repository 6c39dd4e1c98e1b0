// Group-level process data: members, invite-link rotation, ground rules, the next meeting, retention
// and the meeting history the group home lists.
import { z } from 'zod';
import type { RoleTokens } from '../api.js';
import type { MeetingId, ParticipantId } from '../ids.js';
import type { Role } from '../roles.js';
import { processLimits } from './limits.js';
import type { GroupLocale } from './locale.js';
import { boundedText, isoDateSchema } from './text.js';

export interface RotateLinksResponse {
  tokens: RoleTokens;
  links: RoleTokens;
}

export interface Member {
  id: ParticipantId;
  displayName: string;
  role: Role;
  joinedAt: string;
  /** A removed participant keeps their name in the history; their token no longer works. */
  removed: boolean;
  removedAt: string | null;
  /** Meetings this participant started as facilitator, oldest first. */
  facilitatedMeetings: MeetingId[];
}

export interface MembersResponse {
  members: Member[];
}

export interface MeetingHistoryEntry {
  id: MeetingId;
  createdAt: string;
  endedAt: string | null;
  facilitatedBy: ParticipantId | null;
  /** Set when the retention rule deleted the board and private notes. */
  boardDeletedAt: string | null;
}

export interface MeetingsResponse {
  meetings: MeetingHistoryEntry[];
}

export interface EndMeetingResponse {
  meetingId: MeetingId;
  endedAt: string;
}

/** One record of the next meeting, agreed in the meeting's last step or on the group home. */
export interface NextMeeting {
  date: string | null;
  /** Local time of day, `HH:MM`. */
  time: string | null;
  /** A room, an address or a video link. */
  place: string | null;
  theme: string | null;
}

export interface GroupSettingsResponse {
  locale: GroupLocale;
  groundRules: string[];
  nextMeeting: NextMeeting;
  /** Boards and private notes of a meeting are deleted this many days after it ends; null keeps them. */
  deleteBoardsAfterDays: number | null;
}

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
