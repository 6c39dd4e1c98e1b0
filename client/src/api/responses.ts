// Validators for the server's responses. The types come from shared/ (the contract); each schema is
// annotated with its shared type so that the two cannot drift apart without a compile error.
import {
  groupIdSchema,
  meetingIdSchema,
  participantIdSchema,
  roleSchema,
  type ApiError,
  type ClientConfigResponse,
  type CreateGroupResponse,
  type CreateMeetingResponse,
  type GroupResponse,
  type JoinResponse,
  type RoleTokens,
} from '@vermeboard/shared';
import { z } from 'zod';

const roleTokens: z.ZodType<RoleTokens> = z.object({
  facilitator: z.string(),
  member: z.string(),
  observer: z.string(),
});

export const createGroupResponse: z.ZodType<CreateGroupResponse> = z.object({
  groupId: groupIdSchema,
  tokens: roleTokens,
  links: roleTokens,
  participantId: participantIdSchema,
  participantToken: z.string().min(1),
});

export const createMeetingResponse: z.ZodType<CreateMeetingResponse> = z.object({
  meetingId: meetingIdSchema,
});

export const groupResponse: z.ZodType<GroupResponse> = z.object({
  groupId: groupIdSchema,
  name: z.string(),
  role: roleSchema,
  meetings: z.array(z.object({ id: meetingIdSchema, createdAt: z.string() })),
  // A server from before the announcement sends none: nothing to announce.
  runningMeetingId: meetingIdSchema.nullable().catch(null),
  links: roleTokens.optional(),
  tokens: roleTokens.optional(),
  participant: z.object({ id: participantIdSchema, displayName: z.string() }).optional(),
});

export const joinResponse: z.ZodType<JoinResponse> = z.object({
  groupId: groupIdSchema,
  participantId: participantIdSchema,
  participantToken: z.string().min(1),
  role: roleSchema,
});

export const clientConfigResponse: z.ZodType<ClientConfigResponse> = z.object({
  tldrawLicenseKey: z.string().min(1).nullable(),
  maxAssetBytes: z.number().int().positive(),
});

/** Error bodies are read leniently: a proxy may answer with HTML, and the status alone still counts. */
export const apiErrorBody: z.ZodType<ApiError> = z.object({
  error: z.string(),
  field: z.string().optional(),
});
