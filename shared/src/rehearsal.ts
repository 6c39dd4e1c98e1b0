// Rehearsals: a facilitator runs an agenda alone with simulated participants (bots the server drives
// as real sync and HTTP clients) to practise the controls. The request, the answer, and the bounds.
import { z } from 'zod';
import { groupIdSchema, meetingIdSchema, participantIdSchema } from './ids.js';
import { facilitationLimits } from './facilitation/limits.js';
import { slugSchema } from './facilitation/method.js';

export const rehearsalLimits = {
  minBots: 3,
  maxBots: 8,
  /** A rehearsal nobody ends is ended after this long. */
  maxDurationMs: 3 * 60 * 60_000,
  /** … and when its facilitator has had no connection open for this long. */
  facilitatorAwayMs: 2 * 60_000,
  /** How long an ended rehearsal's board stays readable before its documents are deleted. */
  keepEndedMs: 60_000,
} as const;

/** How much faster than planned the rehearsal's timeboxes and its bots run. */
export const rehearsalSpeeds = [1, 5, 10] as const;
export const rehearsalSpeedSchema = z.union([z.literal(1), z.literal(5), z.literal(10)]);
export type RehearsalSpeed = z.infer<typeof rehearsalSpeedSchema>;

export const rehearsalAgendaSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('preset'), presetId: slugSchema }),
  z.strictObject({
    kind: z.literal('methods'),
    methodIds: z.array(slugSchema).min(1).max(facilitationLimits.agendaItems),
  }),
]);
export type RehearsalAgenda = z.infer<typeof rehearsalAgendaSchema>;

/** `POST /api/groups/:groupId/rehearsals`. */
export const startRehearsalBody = z.strictObject({
  agenda: rehearsalAgendaSchema,
  bots: z.number().int().min(rehearsalLimits.minBots).max(rehearsalLimits.maxBots),
  speed: rehearsalSpeedSchema,
});
export type StartRehearsalBody = z.infer<typeof startRehearsalBody>;

/**
 * A rehearsal is a meeting of a throwaway group of its own, so that it cannot reach the real group's
 * history, members or figures. The browser keeps the facilitator's token of that group while it lasts.
 */
export const startRehearsalResponseSchema = z.object({
  groupId: groupIdSchema,
  meetingId: meetingIdSchema,
  participantId: participantIdSchema,
  participantToken: z.string().min(1),
  displayName: z.string(),
});
export type StartRehearsalResponse = z.infer<typeof startRehearsalResponseSchema>;

/** What the group answer says of a rehearsal's own group. */
export const rehearsalInfoSchema = z.object({
  /** The real group it rehearses for: where "back" leads. */
  ofGroupId: groupIdSchema,
  speed: rehearsalSpeedSchema,
  bots: z.number().int().min(0).max(rehearsalLimits.maxBots),
});
export type RehearsalInfo = z.infer<typeof rehearsalInfoSchema>;
