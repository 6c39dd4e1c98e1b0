// An agenda as a file, to move it to another studio link or server (README "Method studio and
// libraries"): `<id>.vermeboard-agenda.json` holds a format marker, its own version, the agenda and
// the trainer's own methods it uses (built-ins travel by id: every server has them). Written and
// read by the pair `writeAgendaFile` / `readAgendaFile`. Reading trusts nothing: the text is bounded
// before it is parsed, the envelope is versioned, the agenda goes through `agendaFormat` and each
// method through `readMethodFile`, exactly as a save would; every problem comes back at its path
// (`methods.0.steps.1.title.fi`). The server still checks each save the import then makes.
import { z } from 'zod';
import { facilitationLimits } from '../facilitation/limits.js';
import type { Method } from '../facilitation/method.js';
import { builtInMethods } from '../facilitation/methods/index.js';
import { versioned, type Migration } from '../persisted/versioned.js';
import { agendaFormat, libraryLimits, readMethodFile, type LibraryAgenda, type MethodIssue } from './library.js';

/** What says "this is an agenda file" before anything else is read. */
export const agendaFileMarker = 'vermeboard-agenda';

const agendaFileMigrations: readonly Migration[] = [];

/** The envelope; what it carries is read by the agenda's and the methods' own formats. */
const agendaFileSchema = z.strictObject({
  format: z.literal(agendaFileMarker),
  version: z.literal(agendaFileMigrations.length + 1),
  agenda: z.unknown(),
  methods: z.array(z.unknown()).max(facilitationLimits.agendaItems),
});

export const agendaFileFormat = versioned({
  name: 'agenda file',
  schema: agendaFileSchema,
  migrations: agendaFileMigrations,
});

export interface AgendaFile {
  format: typeof agendaFileMarker;
  version: number;
  agenda: LibraryAgenda;
  /** The agenda's methods that are not built in, once each, in the agenda's order. */
  methods: Method[];
}

/** The words of the problems only an agenda file has, for the studio to say in its language. */
export const agendaFileIssues = {
  tooLarge: 'the file is larger than an agenda file may be',
  notJson: 'not valid JSON',
  notAgendaFile: 'not a Vermeboard agenda file',
  methodFile: 'a method file, not an agenda file',
  unknownMethod: 'no built-in method or method in this file has this id',
  unusedMethod: 'the agenda does not use this method',
  repeatedMethod: 'the file holds another method with this id',
  missingMethod: 'this studio no longer has this method',
} as const;

export type AgendaFileRead = { ok: true; file: AgendaFile } | { ok: false; issues: MethodIssue[] };

const refused = (path: string, message: string): AgendaFileRead => ({ ok: false, issues: [{ path, message }] });
const under = (prefix: string, issues: readonly MethodIssue[]) =>
  issues.map((i) => ({ path: i.path ? `${prefix}.${i.path}` : prefix, message: i.message }));

/**
 * The file for an agenda, with the methods from `ownMethods` it uses; refused at `methodIds.<n>`
 * when the agenda names a method that is neither built in nor among them (deleted since).
 */
export function writeAgendaFile(agenda: LibraryAgenda, ownMethods: readonly Method[]): AgendaFileRead {
  const methods: Method[] = [];
  const issues: MethodIssue[] = [];
  agenda.methodIds.forEach((id, i) => {
    if (builtInMethods[id] !== undefined || methods.some((m) => m.id === id)) return;
    const own = ownMethods.find((m) => m.id === id);
    if (own) methods.push(own);
    else issues.push({ path: `methodIds.${i}`, message: agendaFileIssues.missingMethod });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, file: { format: agendaFileMarker, version: agendaFileFormat.version, agenda, methods } };
}

/** Reads an agenda file's text: all of it or nothing, with every problem at its path. */
export function readAgendaFile(text: string): AgendaFileRead {
  if (text.length > libraryLimits.agendaFileChars) return refused('', agendaFileIssues.tooLarge);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refused('', agendaFileIssues.notJson);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refused('', agendaFileIssues.notAgendaFile);
  }
  if ((value as { format?: unknown }).format !== agendaFileMarker) {
    // A method file has no marker of its own but always has steps.
    return 'steps' in value
      ? refused('', agendaFileIssues.methodFile)
      : refused('format', agendaFileIssues.notAgendaFile);
  }
  const envelope = agendaFileFormat.read(value);
  if (!envelope.ok) return { ok: false, issues: envelope.issues };

  const issues: MethodIssue[] = [];
  const agenda = agendaFormat.read(envelope.value.agenda);
  if (!agenda.ok) issues.push(...under('agenda', agenda.issues));
  const methods: Method[] = [];
  envelope.value.methods.forEach((entry, i) => {
    const read = readMethodFile(entry);
    if (!read.ok) return issues.push(...under(`methods.${i}`, read.issues));
    if (methods.some((m) => m.id === read.method.id)) {
      return issues.push({ path: `methods.${i}.id`, message: agendaFileIssues.repeatedMethod });
    }
    methods.push(read.method);
    if (agenda.ok && !agenda.value.methodIds.includes(read.method.id)) {
      issues.push({ path: `methods.${i}`, message: agendaFileIssues.unusedMethod });
    }
  });
  // A method that could not be read has no id to match, so unknown ids wait for a readable file.
  if (agenda.ok && issues.length === 0) {
    agenda.value.methodIds.forEach((id, i) => {
      if (builtInMethods[id] === undefined && !methods.some((m) => m.id === id)) {
        issues.push({ path: `agenda.methodIds.${i}`, message: agendaFileIssues.unknownMethod });
      }
    });
  }
  if (!agenda.ok || issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    file: { format: agendaFileMarker, version: agendaFileFormat.version, agenda: agenda.value, methods },
  };
}
