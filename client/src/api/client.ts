// A typed client for the public HTTP API (see shared/src/api.ts). Every response is parsed with the
// shared response schemas; every failure becomes an HttpError, NetworkError or ResponseShapeError.
import {
  apiErrorSchema,
  clientConfigResponseSchema,
  createGroupResponseSchema,
  createMeetingResponseSchema,
  groupResponseSchema,
  joinResponseSchema,
  type ClientConfigResponse,
  type CreateGroupBody,
  type CreateGroupResponse,
  type CreateMeetingResponse,
  type GroupId,
  type GroupResponse,
  type JoinBody,
  type JoinResponse,
  syncTicketResponseSchema,
  type SyncTicketResponse,
} from '@vermeboard/shared';
import type { z } from 'zod';
import { offlineCopies } from '../offline/offlineCopies.js';
import { HttpError, NetworkError, ResponseShapeError } from './errors.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** One JSON call; feature modules (api/facilitation.ts) build their calls on it. */
export async function request<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      // Tokens travel in headers, never cookies; nothing to send along.
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (err) {
    // An abort is the caller's decision, not a network failure; let it through unchanged.
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    // Read leniently: a proxy may answer with HTML, and the status alone still counts.
    const parsed = apiErrorSchema.safeParse(body);
    throw parsed.success
      ? new HttpError(response.status, parsed.data.error, parsed.data.field)
      : new HttpError(response.status, response.statusText);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ResponseShapeError(path, parsed.error);
  return parsed.data;
}

/**
 * A GET whose last good answer is kept in the browser: when the network is down, the copy answers
 * instead (see offline/offlineCopies.ts). Refusals (401, 404) are never papered over.
 */
async function requestWithOfflineCopy<T>(
  key: string,
  owner: string,
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<T> {
  try {
    const value = await request(path, schema, options);
    offlineCopies.save(key, owner, value);
    return value;
  } catch (err) {
    const copy = err instanceof NetworkError ? offlineCopies.load(key, owner, schema) : null;
    if (copy === null) throw err;
    return copy;
  }
}

export function createGroup(body: CreateGroupBody, signal?: AbortSignal): Promise<CreateGroupResponse> {
  return request('/api/groups', createGroupResponseSchema, { method: 'POST', body, ...(signal && { signal }) });
}

/** Needs the facilitator's token (a personal participant token or the facilitator link's token). */
export function createMeeting(groupId: GroupId, token: string, signal?: AbortSignal): Promise<CreateMeetingResponse> {
  return request(`/api/groups/${encodeURIComponent(groupId)}/meetings`, createMeetingResponseSchema, {
    method: 'POST',
    token,
    ...(signal && { signal }),
  });
}

/** Where the last answer of `getGroup` is kept offline. */
export const groupCopyKey = (groupId: GroupId) => `group:${groupId}`;

export function getGroup(groupId: GroupId, token: string, signal?: AbortSignal): Promise<GroupResponse> {
  return requestWithOfflineCopy(
    groupCopyKey(groupId),
    token,
    `/api/groups/${encodeURIComponent(groupId)}`,
    groupResponseSchema,
    {
      token,
      ...(signal && { signal }),
    },
  );
}

export function join(body: JoinBody, signal?: AbortSignal): Promise<JoinResponse> {
  return request('/api/join', joinResponseSchema, { method: 'POST', body, ...(signal && { signal }) });
}

export function getClientConfig(signal?: AbortSignal): Promise<ClientConfigResponse> {
  return requestWithOfflineCopy('config', '', '/api/config', clientConfigResponseSchema, signal ? { signal } : {});
}

/**
 * A single-use ticket to open one sync document (the WebSocket URL carries it instead of the token).
 * `origin` is for tests on Node; the page asks its own server.
 */
export function getSyncTicket(docName: string, token: string, origin = ''): Promise<SyncTicketResponse> {
  return request(`${origin}/api/sync-tickets`, syncTicketResponseSchema, { method: 'POST', token, body: { docName } });
}
