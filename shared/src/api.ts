// The public HTTP contract: request bodies and response bodies, as zod schemas. The server validates
// every request body with these; the client parses every response with them.
import { z } from 'zod';
import { groupIdSchema, meetingIdSchema, participantIdSchema } from './ids.js';
import { limits } from './limits.js';
import { groupLocaleSchema } from './process/locale.js';
import { rehearsalInfoSchema } from './rehearsal.js';
import { roleSchema } from './roles.js';

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

// ---- Response bodies: the schemas are the contract; the client parses with them and the server's
// tests check with them (types are inferred, so there is no second declaration to drift).

export const roleTokensSchema = z.object({ facilitator: z.string(), member: z.string(), observer: z.string() });
export type RoleTokens = z.infer<typeof roleTokensSchema>;

export const createGroupResponseSchema = z.object({
  groupId: groupIdSchema,
  tokens: roleTokensSchema,
  /** URL paths (not absolute URLs) that carry each token, e.g. `/join/<token>`. */
  links: roleTokensSchema,
  /** The creator joins as the facilitator at once; this is their personal participant. */
  participantId: participantIdSchema,
  participantToken: z.string().min(1),
});
export type CreateGroupResponse = z.infer<typeof createGroupResponseSchema>;

export const createMeetingResponseSchema = z.object({ meetingId: meetingIdSchema });
export type CreateMeetingResponse = z.infer<typeof createMeetingResponseSchema>;

/** A meeting as the group answer lists it (its summary, once ended, is `MeetingSummary`). */
export const meetingListEntrySchema = z.object({ id: meetingIdSchema, createdAt: z.string() });
export type MeetingListEntry = z.infer<typeof meetingListEntrySchema>;

export const groupResponseSchema = z.object({
  groupId: groupIdSchema,
  name: z.string(),
  role: roleSchema,
  meetings: z.array(meetingListEntrySchema),
  /**
   * The group's meeting that has not ended, if any: the group home and every ended board announce
   * it with a join button, and no second meeting can start meanwhile. A server from before the
   * announcement sends none: nothing to announce.
   */
  runningMeetingId: meetingIdSchema.nullable().catch(null),
  /** Only for the facilitator role: the three invite links. */
  links: roleTokensSchema.optional(),
  tokens: roleTokensSchema.optional(),
  /** The caller, when they use a personal participant token. */
  participant: z.object({ id: participantIdSchema, displayName: z.string() }).optional(),
  /** Set only for a rehearsal's own group (see rehearsal.ts). */
  rehearsal: rehearsalInfoSchema.optional(),
});
export type GroupResponse = z.infer<typeof groupResponseSchema>;

export const joinResponseSchema = z.object({
  groupId: groupIdSchema,
  participantId: participantIdSchema,
  participantToken: z.string().min(1),
  role: roleSchema,
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

export const clientConfigResponseSchema = z.object({
  /** The tldraw licence key, when the operator configured one. */
  tldrawLicenseKey: z.string().min(1).nullable(),
  /** Largest accepted asset upload in bytes. */
  maxAssetBytes: z.number().int().positive(),
});
export type ClientConfigResponse = z.infer<typeof clientConfigResponseSchema>;

/** An uploaded board image: where to fetch it. */
export const assetResponseSchema = z.object({ src: z.string().regex(/^\/api\/assets\/[A-Za-z0-9_-]{8,64}$/) });
export type AssetResponse = z.infer<typeof assetResponseSchema>;

/** `POST /api/sync-tickets`: the document the ticket is to open, e.g. `meeting/<id>/board`. */
export const syncTicketBody = z.object({ docName: z.string().min(1).max(200) });
export type SyncTicketBody = z.infer<typeof syncTicketBody>;

/**
 * `POST /api/sync-tickets`: what the sync endpoint takes in its URL (`?ticket=`) instead of a token.
 * Single use; open the socket within `expiresInMs`.
 */
export const syncTicketResponseSchema = z.strictObject({
  ticket: z.string().min(1),
  expiresInMs: z.number().int().positive(),
});
export type SyncTicketResponse = z.infer<typeof syncTicketResponseSchema>;

/** Every error response has this shape. `field` names the offending input field, when there is one. */
export const apiErrorSchema = z.object({ error: z.string(), field: z.string().optional() });
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Link paths. A link's token sits in the path so that it can be pasted into any chat. */
export const joinPath = (token: string) => `/join/${token}`;
