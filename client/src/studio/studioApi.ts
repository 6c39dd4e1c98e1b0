// The studio's calls (server/src/http/libraryRoutes.ts) and the studio link this browser keeps.
// A save or an import that the server refuses answers every issue at its path, for the form to
// show beside its field.
import {
  createStudioResponseSchema,
  groupLibraryResponseSchema,
  libraryMethodSchema,
  methodRefusalSchema,
  studioResponseSchema,
  tokenSchema,
  type CreateStudioResponse,
  type GroupId,
  type GroupLibraryResponse,
  type LibraryAgenda,
  type LibraryMethod,
  type LibraryScope,
  type MethodIssue,
  type StudioResponse,
} from '@vermeboard/shared';
import { request } from '../api/client.js';
import { NetworkError } from '../api/errors.js';

const KEY = 'vermeboard.studio';

/** The studio link's token, kept in this browser once opened (the address then loses it). */
export const studioToken = {
  get(): string | null {
    try {
      const token = localStorage.getItem(KEY);
      return token && tokenSchema.safeParse(token).success ? token : null;
    } catch {
      return null;
    }
  },
  save(token: string): void {
    try {
      localStorage.setItem(KEY, token);
    } catch {
      // Private mode: the studio still works until the tab closes (the link opens it again).
    }
  },
};

export function createStudio(): Promise<CreateStudioResponse> {
  return request('/api/studios', createStudioResponseSchema, { method: 'POST' });
}

export function getStudio(token: string): Promise<StudioResponse> {
  return request('/api/studio', studioResponseSchema, { token });
}

export function getGroupLibrary(groupId: GroupId, token: string): Promise<GroupLibraryResponse> {
  return request(`/api/groups/${encodeURIComponent(groupId)}/library`, groupLibraryResponseSchema, { token });
}

export function deleteMethod(token: string, id: string): Promise<unknown> {
  return request(`/api/studio/methods/${encodeURIComponent(id)}`, libraryMethodSchema.optional(), {
    method: 'DELETE',
    token,
  });
}

export type StudioWrite = { ok: true; saved: LibraryMethod } | { ok: false; issues: MethodIssue[] };
export type AgendaWrite = { ok: true } | { ok: false; issues: MethodIssue[] };

/** A save or an import: the answer, or every issue the server named (nothing was stored then). */
async function write(
  path: string,
  method: 'PUT' | 'POST',
  token: string,
  body: string,
): Promise<{ ok: true; answer: unknown } | { ok: false; issues: MethodIssue[] }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, answer };
  const refusal = methodRefusalSchema.safeParse(answer);
  return { ok: false, issues: refusal.success ? refusal.data.issues : [{ path: '', message: response.statusText }] };
}

async function writeMethod(path: string, method: 'PUT' | 'POST', token: string, body: string): Promise<StudioWrite> {
  const written = await write(path, method, token, body);
  return written.ok ? { ok: true, saved: libraryMethodSchema.parse(written.answer) } : written;
}

export function saveMethod(token: string, method: unknown, scope: LibraryScope, id: string): Promise<StudioWrite> {
  return writeMethod(`/api/studio/methods/${encodeURIComponent(id)}`, 'PUT', token, JSON.stringify({ method, scope }));
}

/** Sends the file's text as it is: the server reads it, so a broken file is answered like any other. */
export function importMethod(token: string, fileText: string): Promise<StudioWrite> {
  return writeMethod('/api/studio/import', 'POST', token, fileText);
}

export async function saveAgenda(token: string, agenda: LibraryAgenda, scope: LibraryScope): Promise<AgendaWrite> {
  const path = `/api/studio/agendas/${encodeURIComponent(agenda.id)}`;
  const written = await write(path, 'PUT', token, JSON.stringify({ agenda, scope }));
  return written.ok ? { ok: true } : written;
}

export function deleteAgenda(token: string, id: string): Promise<unknown> {
  return request(`/api/studio/agendas/${encodeURIComponent(id)}`, libraryMethodSchema.optional(), {
    method: 'DELETE',
    token,
  });
}
