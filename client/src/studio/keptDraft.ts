// What is open in the studio's editor, kept in this browser as it is typed, so that a reload, a
// crash or a closed tab loses none of a draft that cannot be saved yet (saving needs every text in
// three languages). One per studio token; closing the editor forgets it. What is read back was
// written by this app, but perhaps by an older version of it, or cut short by a full storage: only
// a draft of today's format and shape comes back.
import {
  agendaFormat,
  libraryScopes,
  locales,
  methodFormat,
  type LibraryAgenda,
  type LibraryScope,
  type Method,
} from '@vermeboard/shared';

export type KeptDraft =
  | { kind: 'method'; draft: Method; scope: LibraryScope; savedId: string | null }
  | { kind: 'agenda'; agenda: LibraryAgenda; scope: LibraryScope; savedId: string | null };

/** Far above any method a trainer writes (the server takes 256 KB), far below the storage quota. */
const maxKeptBytes = 1024 * 1024;

const keyOf = (token: string) => `vermeboard.studio.draft.${token.slice(0, 16)}`;

export function keepDraft(token: string, kept: KeptDraft | null): void {
  try {
    if (kept === null) {
      localStorage.removeItem(keyOf(token));
      return;
    }
    const text = JSON.stringify(kept);
    if (text.length <= maxKeptBytes) localStorage.setItem(keyOf(token), text);
  } catch {
    // Private mode or a full storage: the draft lives in the page only, as it did before.
  }
}

export function keptDraft(token: string): KeptDraft | null {
  try {
    const text = localStorage.getItem(keyOf(token));
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    return isKeptDraft(value) ? value : null;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => isRecord(v) && locales.every((l) => typeof v[l] === 'string');
const isId = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;

function isKeptDraft(v: unknown): v is KeptDraft {
  if (!isRecord(v) || !(libraryScopes as readonly unknown[]).includes(v.scope)) return false;
  if (v.savedId !== null && !isId(v.savedId)) return false;
  if (v.kind === 'method') {
    const d = v.draft;
    return (
      isRecord(d) &&
      d.version === methodFormat.version &&
      isId(d.id) &&
      isText(d.name) &&
      isText(d.description) &&
      (d.purpose === undefined || isText(d.purpose)) &&
      (d.groupSize === undefined || isRecord(d.groupSize)) &&
      Array.isArray(d.steps) &&
      d.steps.length > 0 &&
      d.steps.every(
        (s: unknown) =>
          isRecord(s) &&
          isId(s.id) &&
          isText(s.title) &&
          isText(s.instructions) &&
          isText(s.facilitatorNotes) &&
          typeof s.timeboxSeconds === 'number',
      )
    );
  }
  if (v.kind === 'agenda') {
    const a = v.agenda;
    return (
      isRecord(a) &&
      a.version === agendaFormat.version &&
      isId(a.id) &&
      isText(a.name) &&
      Array.isArray(a.methodIds) &&
      a.methodIds.every(isId)
    );
  }
  return false;
}
