// Importing an agenda file into this studio, like a method file: into the trainer's own library,
// all or nothing. The file is read in the browser with the shared reader (`readAgendaFile`); then
// each method the studio lacks is saved, and the agenda after them, through the same routes as the
// editors, so the server checks every one as it checks a save. A method the studio already has
// with the same definition is used as it is; with another, the file is refused. When the server
// refuses any save, the methods this import added are deleted again.
import {
  agendaFileIssues,
  libraryLimits,
  readAgendaFile,
  type LibraryAgenda,
  type Method,
  type MethodIssue,
  type StudioResponse,
} from '@vermeboard/shared';
import type { AgendaWrite, StudioWrite } from './studioApi.js';

/** The saves an import makes, bound to the studio link and the trainer's own library. */
export interface AgendaImportCalls {
  saveMethod(method: Method): Promise<StudioWrite>;
  deleteMethod(id: string): Promise<unknown>;
  saveAgenda(agenda: LibraryAgenda): Promise<AgendaWrite>;
}

export type AgendaImport =
  | { ok: true; agenda: LibraryAgenda; /** Methods the file brought that the studio did not have. */ added: number }
  | { ok: false; issues: MethodIssue[] };

/** The words of the refusals only this studio's contents cause. */
export const agendaImportIssues = {
  agendaTaken: 'this studio has an agenda with this id already',
  methodDiffers: 'this studio has another method with this id',
} as const;

const prefixed = (prefix: string, issues: readonly MethodIssue[]) =>
  issues.map((i) => ({ path: i.path ? `${prefix}.${i.path}` : prefix, message: i.message }));

export async function importAgendaFile(
  file: Pick<Blob, 'size' | 'text'>,
  studio: Pick<StudioResponse, 'methods' | 'agendas'>,
  calls: AgendaImportCalls,
): Promise<AgendaImport> {
  // UTF-8 needs at most three bytes for each UTF-16 unit, so a larger file cannot be within the
  // bound, and it is not read into memory.
  if (file.size > 3 * libraryLimits.agendaFileChars) {
    return { ok: false, issues: [{ path: '', message: agendaFileIssues.tooLarge }] };
  }
  const read = readAgendaFile(await file.text());
  if (!read.ok) return read;
  const { agenda, methods } = read.file;

  const issues: MethodIssue[] = [];
  if (studio.agendas.some((a) => a.agenda.id === agenda.id)) {
    issues.push({ path: 'agenda.id', message: agendaImportIssues.agendaTaken });
  }
  const missing: Method[] = [];
  methods.forEach((method, i) => {
    const own = studio.methods.find((m) => m.method.id === method.id)?.method;
    if (own === undefined) missing.push(method);
    // Both went through the method schema, which writes the keys in its own order.
    else if (JSON.stringify(own) !== JSON.stringify(method)) {
      issues.push({ path: `methods.${i}.id`, message: agendaImportIssues.methodDiffers });
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  const added: string[] = [];
  const undo = () => Promise.allSettled(added.map((id) => calls.deleteMethod(id)));
  try {
    for (const method of missing) {
      const saved = await calls.saveMethod(method);
      if (!saved.ok) {
        await undo();
        return { ok: false, issues: prefixed(`methods.${methods.indexOf(method)}`, saved.issues) };
      }
      added.push(method.id);
    }
    const saved = await calls.saveAgenda(agenda);
    if (!saved.ok) {
      await undo();
      return { ok: false, issues: prefixed('agenda', saved.issues) };
    }
  } catch (err) {
    await undo();
    throw err;
  }
  return { ok: true, agenda, added: added.length };
}
