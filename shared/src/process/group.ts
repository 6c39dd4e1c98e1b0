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

/** Removing someone also renews the invite links (they were in that person's browser too). */
export type RemoveParticipantResponse = RotateLinksResponse;

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

export interface NextMeeting {
  date: string | null;
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

export const nextMeetingBody = z.object({
  date: isoDateSchema.nullable(),
  theme: boundedText(processLimits.nextMeetingTheme).nullable(),
});
export type NextMeetingBody = z.infer<typeof nextMeetingBody>;

export const retentionBody = z.object({
  deleteBoardsAfterDays: z
    .number()
    .int('must be a whole number of days')
    .min(1)
    .max(processLimits.retentionDays)
    .nullable(),
});
export type RetentionBody = z.infer<typeof retentionBody>;
