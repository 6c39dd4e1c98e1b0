// The HTTP contract of the debrief, coaches and coaching notes (README "HTTP API").
import { z } from 'zod';
import { limits } from '../limits.js';
import { boundedText } from '../process/text.js';
import { debriefSchema } from './timeline.js';

export const coachingLimits = {
  /** Longest coaching note. */
  noteText: 2000,
  /** Coaching notes per meeting. */
  notesPerMeeting: 200,
  /** Coaches a group has invited and not revoked. */
  coachesPerGroup: 10,
} as const;

/** A coach's id: random and URL-safe, like every id. */
export const coachIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid id');
export const coachingNoteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid id');

export const inviteCoachBody = z.strictObject({ name: boundedText(limits.displayName) });
export const shadowingBody = z.strictObject({ coachMayShadow: z.boolean() });

export const coachSchema = z.strictObject({
  id: coachIdSchema,
  name: z.string(),
  createdAt: z.string(),
});
export type Coach = z.infer<typeof coachSchema>;

/** Answer to inviting a coach: the coach's token and link, shown once (only its hash is stored). */
export const inviteCoachResponseSchema = z.strictObject({ coach: coachSchema, token: z.string(), link: z.string() });
export type InviteCoachResponse = z.infer<typeof inviteCoachResponseSchema>;

export const removeCoachResponseSchema = z.strictObject({ ok: z.literal(true) });
export type RemoveCoachResponse = z.infer<typeof removeCoachResponseSchema>;
export const shadowingResponseSchema = z.strictObject({ coachMayShadow: z.boolean() });
export type ShadowingResponse = z.infer<typeof shadowingResponseSchema>;

export const coachesResponseSchema = z.strictObject({ coaches: z.array(coachSchema), coachMayShadow: z.boolean() });
export type CoachesResponse = z.infer<typeof coachesResponseSchema>;

export const coachingNoteBody = z.strictObject({
  /** The point on the timeline (server time, ms) the note is about. */
  at: z.number().int().min(0).max(8.64e15),
  text: boundedText(coachingLimits.noteText, { multiline: true }),
});

export const coachingNoteSchema = z.strictObject({
  id: coachingNoteIdSchema,
  at: z.number().int(),
  text: z.string(),
  coachName: z.string(),
  createdAt: z.string(),
});
export type CoachingNote = z.infer<typeof coachingNoteSchema>;

/** Who a coach token belongs to: what the coach page shows first. */
export const coachSelfResponseSchema = z.strictObject({
  coach: coachSchema,
  groupName: z.string(),
  coachMayShadow: z.boolean(),
  /** The group's ended meetings, newest first, whose debriefs the coach may open. */
  meetings: z.array(z.strictObject({ id: z.string(), createdAt: z.string(), endedAt: z.string().nullable() })),
});
export type CoachSelfResponse = z.infer<typeof coachSelfResponseSchema>;

export const debriefResponseSchema = z.strictObject({
  meeting: z.strictObject({ id: z.string(), createdAt: z.string(), endedAt: z.string().nullable() }),
  debrief: debriefSchema,
  /** The coaching notes the caller may read: the meeting's facilitator and the group's coaches. */
  notes: z.array(coachingNoteSchema),
  /** Whether the caller may add a coaching note (coaches only). */
  mayAddNotes: z.boolean(),
});
export type DebriefResponse = z.infer<typeof debriefResponseSchema>;

/** Where a coach's link lands, like an invite link (`/join/<token>`). */
export function coachPath(token: string): string {
  return `/coach/${token}`;
}
