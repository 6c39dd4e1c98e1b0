// The public HTTP contract: request bodies and response shapes. The server validates every body
// with these schemas; the client and external tools use the same types.
import { z } from 'zod';
import type { GroupId, MeetingId, ParticipantId } from './ids.js';
import { limits } from './limits.js';
import { groupLocaleSchema } from './process/locale.js';
import type { Role } from './roles.js';

/** Trim, collapse control characters away, and bound a human-entered name. */
const nameField = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

export const createGroupBody = z.object({
  name: nameField(limits.groupName),
  facilitatorName: nameField(limits.displayName),
  /** Language of the group's default ground rules and competence areas; 'en' when absent. */
  locale: groupLocaleSchema.optional(),
});
export type CreateGroupBody = z.infer<typeof createGroupBody>;

export const joinBody = z.object({
  token: z.string().min(1).max(200),
  displayName: nameField(limits.displayName),
});
export type JoinBody = z.infer<typeof joinBody>;

export interface RoleTokens {
  facilitator: string;
  member: string;
  observer: string;
}

export interface CreateGroupResponse {
  groupId: GroupId;
  tokens: RoleTokens;
  /** URL paths (not absolute URLs) that carry each token, e.g. `/join/<token>`. */
  links: RoleTokens;
  /** The creator joins as the facilitator at once; this is their personal participant. */
  participantId: ParticipantId;
  participantToken: string;
}

export interface CreateMeetingResponse {
  meetingId: MeetingId;
}

/** A meeting as the group answer lists it (its summary, once ended, is `MeetingSummary`). */
export interface MeetingListEntry {
  id: MeetingId;
  createdAt: string;
}

export interface GroupResponse {
  groupId: GroupId;
  name: string;
  role: Role;
  meetings: MeetingListEntry[];
  /**
   * The group's meeting that has not ended, if any: the group home and every ended board announce
   * it with a join button, and no second meeting can start meanwhile.
   */
  runningMeetingId: MeetingId | null;
  /** Only for the facilitator role: the three invite links. */
  links?: RoleTokens;
  tokens?: RoleTokens;
  /** The caller, when they use a personal participant token. */
  participant?: { id: ParticipantId; displayName: string };
}

export interface JoinResponse {
  groupId: GroupId;
  participantId: ParticipantId;
  participantToken: string;
  role: Role;
}

export interface ClientConfigResponse {
  /** The tldraw licence key, when the operator configured one. */
  tldrawLicenseKey: string | null;
  /** Largest accepted asset upload in bytes. */
  maxAssetBytes: number;
}

/** Every error response has this shape. `field` names the offending input field, when there is one. */
export interface ApiError {
  error: string;
  field?: string;
}

/** Link paths. A link's token sits in the path so that it can be pasted into any chat. */
export const joinPath = (token: string) => `/join/${token}`;
