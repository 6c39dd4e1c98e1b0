// Calls of the debrief API (README "Debrief and coaching API"), parsed against the shared contract.
import {
  coachesResponseSchema,
  coachingNoteSchema,
  coachSelfResponseSchema,
  debriefResponseSchema,
  inviteCoachResponseSchema,
  removeCoachResponseSchema,
  shadowingResponseSchema,
  type GroupId,
  type MeetingId,
} from '@vermeboard/shared';
import { request } from '../api/client.js';

const id = encodeURIComponent;

export const debriefApi = {
  /** With the facilitator's personal token or a coach token. */
  debrief: (meetingId: MeetingId | string, token: string) =>
    request(`/api/meetings/${id(meetingId)}/debrief`, debriefResponseSchema, { token }),
  addNote: (meetingId: MeetingId | string, token: string, at: number, text: string) =>
    request(`/api/meetings/${id(meetingId)}/coaching-notes`, coachingNoteSchema, {
      method: 'POST',
      token,
      body: { at, text },
    }),
  coachSelf: (token: string) => request('/api/coach', coachSelfResponseSchema, { token }),
  coaches: (groupId: GroupId, token: string) =>
    request(`/api/groups/${id(groupId)}/coaches`, coachesResponseSchema, { token }),
  inviteCoach: (groupId: GroupId, token: string, name: string) =>
    request(`/api/groups/${id(groupId)}/coaches`, inviteCoachResponseSchema, { method: 'POST', token, body: { name } }),
  removeCoach: (groupId: GroupId, token: string, coachId: string) =>
    request(`/api/groups/${id(groupId)}/coaches/${id(coachId)}`, removeCoachResponseSchema, {
      method: 'DELETE',
      token,
    }),
  setShadowing: (groupId: GroupId, token: string, coachMayShadow: boolean) =>
    request(`/api/groups/${id(groupId)}/coaches/shadowing`, shadowingResponseSchema, {
      method: 'PUT',
      token,
      body: { coachMayShadow },
    }),
};
