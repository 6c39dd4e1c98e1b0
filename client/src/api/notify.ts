// Calls for mail between meetings, the summer break and the "where we were" card. Answers are
// parsed against the shared contract.
import {
  groupBreakResponseSchema,
  mailSettingsResponseSchema,
  mailStopApiPath,
  mailStopResponseSchema,
  whereWeWereSchema,
  type GroupBreak,
  type GroupId,
} from '@vermeboard/shared';
import { z } from 'zod';
import { request } from './client.js';

export type NotifyApi = ReturnType<typeof notifyApi>;

export function notifyApi(groupId: GroupId, token: string) {
  const base = `/api/groups/${encodeURIComponent(groupId)}`;
  const call = <T>(path: string, schema: z.ZodType<T>, method?: 'PUT' | 'DELETE', body?: unknown) =>
    request(base + path, schema, { token, ...(method && { method }), ...(body !== undefined && { body }) });
  return {
    mail: () => call('/mail', mailSettingsResponseSchema),
    setMail: (address: string) => call('/mail', mailSettingsResponseSchema, 'PUT', { address }),
    removeMail: () => call('/mail', z.undefined(), 'DELETE'),
    groupBreak: () => call('/break', groupBreakResponseSchema).then((r) => r.break),
    setBreak: (value: GroupBreak | null) =>
      call('/break', groupBreakResponseSchema, 'PUT', { break: value }).then((r) => r.break),
    whereWeWere: () => call('/where-we-were', whereWeWereSchema),
  };
}

/** Stops the mail of the person a mail's stop link was made for; the link's token is the credential. */
export function stopMail(token: string) {
  return request(mailStopApiPath(encodeURIComponent(token)), mailStopResponseSchema, { method: 'POST' });
}
