// Starting a rehearsal (README "Rehearsals"), parsed against the shared contract.
import { startRehearsalResponseSchema, type GroupId, type StartRehearsalBody } from '@vermeboard/shared';
import { request } from '../api/client.js';

export const rehearsalApi = {
  start: (groupId: GroupId, token: string, body: StartRehearsalBody) =>
    request(`/api/groups/${encodeURIComponent(groupId)}/rehearsals`, startRehearsalResponseSchema, {
      method: 'POST',
      token,
      body,
    }),
};
