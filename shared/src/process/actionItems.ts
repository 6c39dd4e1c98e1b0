// Action items agreed in a meeting (e.g. the reflection's "now what" column), with an owner and a
// due date, ticked off in a later meeting.
import { z } from 'zod';
import { meetingIdSchema, participantIdSchema } from '../ids.js';
import { actionItemIdSchema } from './ids.js';
import { processLimits } from './limits.js';
import { boundedText, isoDateSchema } from './text.js';

export const actionItemSchema = z.object({
  id: actionItemIdSchema,
  meetingId: meetingIdSchema,
  text: z.string(),
  ownerParticipantId: participantIdSchema.nullable(),
  /** The owner's display name, when there is an owner. */
  ownerName: z.string().optional(),
  dueDate: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** The board shape the item came from, so the board and the list can point at each other. */
  sourceShapeId: z.string().nullable(),
  createdAt: z.string(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const actionItemsResponseSchema = z.object({ actionItems: z.array(actionItemSchema) });
export type ActionItemsResponse = z.infer<typeof actionItemsResponseSchema>;

const shapeIdSchema = z
  .string()
  .max(processLimits.shapeId)
  .regex(/^[A-Za-z0-9:_-]+$/, 'must be a shape id');

export const createActionItemBody = z.object({
  meetingId: meetingIdSchema,
  text: boundedText(processLimits.actionText, { multiline: true }),
  ownerParticipantId: participantIdSchema.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
  sourceShapeId: shapeIdSchema.nullable().optional(),
});
export type CreateActionItemBody = z.infer<typeof createActionItemBody>;

/** Edit any of the fields; `done: true` ticks the item off, `done: false` reopens it. */
export const updateActionItemBody = z
  .object({
    text: boundedText(processLimits.actionText, { multiline: true }),
    ownerParticipantId: participantIdSchema.nullable(),
    dueDate: isoDateSchema.nullable(),
    done: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateActionItemBody = z.infer<typeof updateActionItemBody>;

export const actionItemFilter = z.enum(['open', 'all']);
export type ActionItemFilter = z.infer<typeof actionItemFilter>;
