// Library methods as the server reads them: every stored definition is parsed (and migrated) with
// the versioned method format on every read. A row that does not parse is quarantined: its
// trainer is told why, it is never listed for a facilitator or copied into a meeting, and it is
// never rewritten; only its trainer saving a new definition over it, or deleting it, changes it.
import {
  agendaFormat,
  methodFormat,
  type GroupId,
  type LibraryAgendaEntry,
  type LibraryMethod,
  type Method,
  type ProgramId,
} from '@vermeboard/shared';
import type { StoredMethodRow } from '../storage/libraryStore.js';
import type { Storage } from '../storage/Storage.js';

export type ReadMethodRow = { ok: true; method: LibraryMethod } | { ok: false; id: string; reason: string };

export type ReadAgendaRow = { ok: true; agenda: LibraryAgendaEntry } | { ok: false; id: string; reason: string };

function parsed(row: StoredMethodRow): { ok: true; value: unknown } | { ok: false; id: string; reason: string } {
  try {
    return { ok: true, value: JSON.parse(row.definition) as unknown };
  } catch {
    return { ok: false, id: row.id, reason: 'the stored definition is not JSON' };
  }
}

/** The same for a stored agenda (shared `agendaFormat`). */
export function readAgendaRow(row: StoredMethodRow): ReadAgendaRow {
  const json = parsed(row);
  if (!json.ok) return json;
  const read = agendaFormat.read(json.value);
  if (!read.ok) return { ok: false, id: row.id, reason: read.reason };
  if (read.value.id !== row.id) return { ok: false, id: row.id, reason: 'the stored definition has another id' };
  return { ok: true, agenda: { agenda: read.value, scope: row.scope, updatedAt: row.updatedAt } };
}

export function readMethodRow(row: StoredMethodRow): ReadMethodRow {
  if (row.kind !== 'method') return { ok: false, id: row.id, reason: 'this is an agenda, not a method' };
  const json = parsed(row);
  if (!json.ok) return json;
  const read = methodFormat.read(json.value);
  if (!read.ok) return { ok: false, id: row.id, reason: read.reason };
  if (read.value.id !== row.id) return { ok: false, id: row.id, reason: 'the stored definition has another id' };
  return { ok: true, method: { method: read.value, scope: row.scope, updatedAt: row.updatedAt } };
}

/** The program the group is a member of, whose library its facilitator sees; null outside one. */
export async function programOfGroup(storage: Storage, groupId: GroupId): Promise<ProgramId | null> {
  const memberships = await storage.programsOfGroup(groupId);
  return memberships.find((m) => m.attachedAt !== null)?.programId ?? null;
}

/** Whether the group's facilitator may see (and so add) a stored method. */
export function visibleTo(row: StoredMethodRow, programId: ProgramId | null): boolean {
  return row.scope === 'instance' || (row.scope === 'program' && programId !== null && row.programId === programId);
}

/** The library method `id` as the group's facilitator may add it to a meeting, or null. */
export async function libraryMethodForGroup(storage: Storage, groupId: GroupId, id: string): Promise<Method | null> {
  const row = await storage.getLibraryMethod(id);
  if (row === null || !visibleTo(row, await programOfGroup(storage, groupId))) return null;
  const read = readMethodRow(row);
  return read.ok ? read.method.method : null;
}
