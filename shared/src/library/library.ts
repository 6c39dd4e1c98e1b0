// Method libraries (README "Method studio and libraries"). A trainer holds a studio link, whose
// token owns the methods they write; each method is kept in one library: the trainer's own
// (`own`, seen only in their studio), their program's (`program`, for a studio link a program's
// coordinator made: the facilitators of the program's groups see it) or the instance's
// (`instance`, every facilitator on this server). The built-in methods are the first entries of
// every facilitator's list and are copied, never edited, in the studio.
import { z } from 'zod';
import { type Brand } from '../ids.js';
import { facilitationLimits } from '../facilitation/limits.js';
import { localizedLabelSchema, methodFormat, methodSchema, slugSchema, type Method } from '../facilitation/method.js';
import { builtInMethods, type MethodLibrary } from '../facilitation/methods/index.js';
import type { SessionState } from '../facilitation/session.js';
import { versioned, type Migration, type ReadIssue } from '../persisted/versioned.js';

export type TrainerId = Brand<string, 'TrainerId'>;

/** The studio link's path: the token rides in the fragment, which no server or log sees. */
export const studioPath = (token: string) => `/studio#${token}`;

/** What a library keeps: methods, and agendas (a sequence of methods, like a preset). */
export const libraryKinds = ['method', 'agenda'] as const;
export type LibraryKind = (typeof libraryKinds)[number];

const agendaMigrations: readonly Migration[] = [];

/** A whole agenda in a library: its name and the ids of its methods, in order. */
export const libraryAgendaSchema = z.strictObject({
  version: z.literal(agendaMigrations.length + 1),
  id: slugSchema,
  name: localizedLabelSchema,
  methodIds: z.array(slugSchema).min(1).max(facilitationLimits.agendaItems),
});
export type LibraryAgenda = z.infer<typeof libraryAgendaSchema>;

/** An agenda as stored: read it only through here. */
export const agendaFormat = versioned({ name: 'agenda', schema: libraryAgendaSchema, migrations: agendaMigrations });

export const libraryScopes = ['own', 'program', 'instance'] as const;
export const libraryScopeSchema = z.enum(libraryScopes);
export type LibraryScope = z.infer<typeof libraryScopeSchema>;

export const libraryLimits = {
  /** Methods one studio link keeps, in all its libraries. */
  methodsPerTrainer: 200,
  /** Methods a facilitator's list shows from the program's and the instance's libraries. */
  listed: 500,
  /**
   * Longest agenda file, in characters: room for an agenda of methods that are all the trainer's own
   * and each as long as a method may be, pretty-printed (each method is bounded again on its own).
   */
  agendaFileChars: 2 * facilitationLimits.agendaItems * facilitationLimits.methodJsonChars,
} as const;

export const createStudioResponseSchema = z.object({
  trainerToken: z.string().min(1),
  studioLink: z.string(),
});
export type CreateStudioResponse = z.infer<typeof createStudioResponseSchema>;

/** A method as a library keeps it. */
export const libraryMethodSchema = z.object({
  method: methodSchema,
  scope: libraryScopeSchema,
  updatedAt: z.string(),
});
export type LibraryMethod = z.infer<typeof libraryMethodSchema>;

/** A stored method this server cannot read: kept as it is, shown to its trainer, never used. */
export const quarantinedMethodSchema = z.object({ id: z.string(), reason: z.string() });

export const libraryAgendaEntrySchema = z.object({
  agenda: libraryAgendaSchema,
  scope: libraryScopeSchema,
  updatedAt: z.string(),
});
export type LibraryAgendaEntry = z.infer<typeof libraryAgendaEntrySchema>;

export const saveAgendaBody = z.strictObject({ agenda: z.unknown(), scope: libraryScopeSchema });

export const studioResponseSchema = z.object({
  /** Whether this studio link belongs to a program, so that `program` is a library it may use. */
  inProgram: z.boolean(),
  /** Whether this server lets studio links share with its whole library (LIBRARY_SHARING=open). */
  instanceLibraryOpen: z.boolean(),
  methods: z.array(libraryMethodSchema),
  agendas: z.array(libraryAgendaEntrySchema),
  quarantined: z.array(quarantinedMethodSchema),
});
export type StudioResponse = z.infer<typeof studioResponseSchema>;

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type MethodIssue = ReadIssue;

/** A refused save or import: every problem, each at its field. Nothing was stored. */
export const methodRefusalSchema = z.object({ error: z.string(), issues: z.array(issueSchema) });
export type MethodRefusal = z.infer<typeof methodRefusalSchema>;

/** Saving: the definition (checked as a method file is) and the library it goes to. */
export const saveMethodBody = z.strictObject({ method: z.unknown(), scope: libraryScopeSchema });

export const savedMethodResponseSchema = libraryMethodSchema;

/** What a group's facilitator picks from besides the built-ins. */
export const groupLibraryResponseSchema = z.object({
  methods: z.array(libraryMethodSchema.extend({ scope: z.enum(['program', 'instance']) })),
  /** Only agendas whose every method the group's facilitator can add. */
  agendas: z.array(libraryAgendaEntrySchema.extend({ scope: z.enum(['program', 'instance']) })),
});
export type GroupLibraryResponse = z.infer<typeof groupLibraryResponseSchema>;

export type MethodFileRead = { ok: true; method: Method } | { ok: false; issues: MethodIssue[] };

/**
 * Reads a method file or a save's definition: JSON text (or a parsed value) through the versioned
 * method format, then the rules of a library method: a built-in's id is taken, and so is any id the
 * caller lists. Every problem comes back at its path; nothing is half read.
 */
export function readMethodFile(input: string | unknown, takenIds: ReadonlySet<string> = new Set()): MethodFileRead {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.length > facilitationLimits.methodJsonChars) {
      return tooLarge();
    }
    try {
      value = JSON.parse(input);
    } catch (err) {
      return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
    }
  } else if (JSON.stringify(input ?? null).length > facilitationLimits.methodJsonChars) {
    return tooLarge();
  }
  const read = methodFormat.read(value);
  if (!read.ok) return { ok: false, issues: read.issues };
  const id = read.value.id;
  if (builtInMethods[id] !== undefined) {
    return { ok: false, issues: [{ path: 'id', message: 'a built-in method has this id; copy it under another id' }] };
  }
  if (takenIds.has(id)) {
    return { ok: false, issues: [{ path: 'id', message: 'another method on this server has this id' }] };
  }
  return { ok: true, method: read.value };
}

function tooLarge(): MethodFileRead {
  const kib = Math.round(facilitationLimits.methodJsonChars / 1024);
  return { ok: false, issues: [{ path: '', message: `the file is longer than ${kib} Ki characters` }] };
}

/** The id a copy of a built-in (or any method) gets: `<id>-copy`, then `-copy-2`, … */
export function copyId(id: string, taken: (id: string) => boolean): string {
  const base = `${id.slice(0, 40)}-copy`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken(candidate) && slugSchema.safeParse(candidate).success) return candidate;
  }
}

const sessionLibraries = new WeakMap<readonly Method[], MethodLibrary>();

/**
 * The methods a meeting runs on: the built-ins and the library methods copied into its session.
 * A built-in id always means the built-in.
 */
export function sessionLibrary(state: Pick<SessionState, 'methods'>): MethodLibrary {
  const copied = state.methods;
  if (copied === undefined || copied.length === 0) return builtInMethods;
  let library = sessionLibraries.get(copied);
  if (library === undefined) {
    library = Object.freeze({ ...Object.fromEntries(copied.map((m) => [m.id, m])), ...builtInMethods });
    sessionLibraries.set(copied, library);
  }
  return library;
}
