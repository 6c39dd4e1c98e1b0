// Calls to the program API (README "Programs"): the coordinator's side and the group's side. Every
// answer is parsed against the shared contract before the UI sees it.
import {
  createEncounterResponseSchema,
  createProgramGroupResponseSchema,
  createProgramResponseSchema,
  groupIdSchema,
  groupProgramResponseSchema,
  meetingSummaryResponseSchema,
  programIdSchema,
  programResponseSchema,
  sharePlazaFrameResponseSchema,
  type CreateProgramBody,
  type GroupId,
  type GroupLocale,
  type MeetingId,
  type ProgramId,
} from '@vermeboard/shared';
import { z } from 'zod';
import { request } from '../api/client.js';

const noContent = z.undefined();
const attachResponseSchema = z.object({ status: z.enum(['requested', 'member']) });

export const createProgram = (body: CreateProgramBody) =>
  request('/api/programs', createProgramResponseSchema, { method: 'POST', body });

/** Which program a coordinator token coordinates (the coordinator link carries only the token). */
export const programOfToken = (token: string) =>
  request('/api/programs/mine', z.object({ programId: programIdSchema }), { token });

export function coordinatorApi(programId: ProgramId, token: string) {
  const path = (rest = '') => `/api/programs/${encodeURIComponent(programId)}${rest}`;
  return {
    program: () => request(path(), programResponseSchema, { token }),
    createGroup: (name: string, locale: GroupLocale) =>
      request(path('/groups'), createProgramGroupResponseSchema, { method: 'POST', token, body: { name, locale } }),
    askGroup: (groupId: GroupId) =>
      request(path('/attach-requests'), attachResponseSchema, { method: 'POST', token, body: { groupId } }),
    startEncounter: (groupIds: GroupId[]) =>
      request(path('/encounters'), createEncounterResponseSchema, { method: 'POST', token, body: { groupIds } }),
    sharedSummary: (meetingId: MeetingId) =>
      request(path(`/summaries/${encodeURIComponent(meetingId)}`), meetingSummaryResponseSchema, { token }),
  };
}
export type CoordinatorApi = ReturnType<typeof coordinatorApi>;

export function groupProgramApi(groupId: GroupId, token: string) {
  const path = (rest: string) => `/api/groups/${encodeURIComponent(groupId)}${rest}`;
  return {
    program: () => request(path('/program'), groupProgramResponseSchema, { token }),
    answer: (programId: ProgramId, accept: boolean) =>
      request(path(`/program-requests/${encodeURIComponent(programId)}`), noContent, {
        method: 'POST',
        token,
        body: { accept },
      }),
    share: (meetingId: MeetingId, shared: boolean) =>
      request(path(`/meetings/${encodeURIComponent(meetingId)}/program-share`), noContent, {
        method: shared ? 'PUT' : 'DELETE',
        token,
      }),
    shareToPlaza: (meetingId: MeetingId, frameId: string) =>
      request(path(`/meetings/${encodeURIComponent(meetingId)}/share-to-plaza`), sharePlazaFrameResponseSchema, {
        method: 'POST',
        token,
        body: { frameId },
      }),
  };
}
export type GroupProgramApi = ReturnType<typeof groupProgramApi>;

/** A group's id from its address (`…/g/<id>`), or the id itself; null when neither. */
export function groupIdFromInput(input: string): GroupId | null {
  const trimmed = input.trim();
  const match = /\/g\/([A-Za-z0-9_-]{8,64})(?:[/?#]|$)/.exec(trimmed) ?? /^([A-Za-z0-9_-]{8,64})$/.exec(trimmed);
  const parsed = groupIdSchema.safeParse(match?.[1]);
  return parsed.success ? parsed.data : null;
}
