// A method while a trainer writes it: the same shape as a saved method, with texts that may still
// be empty. The studio checks it with the very reader the server uses (`readMethodFile`), so the
// problems shown beside each field are the ones a save would meet. A draft is kept in this browser
// as it is typed; only a complete one (every text in English, Finnish and Swedish) can be saved.
import {
  copyId,
  type AgendaFile,
  facilitationLimits,
  locales,
  methodFormat,
  readMethodFile,
  type BoardLayout,
  type LocalizedText,
  type Method,
  type MethodIssue,
  type Step,
} from '@vermeboard/shared';

export const blankText = (): LocalizedText => ({ en: '', fi: '', sv: '' });

/** The languages a text still lacks: an empty (or blank) entry is a missing translation. */
export function missingLocales(text: LocalizedText): (typeof locales)[number][] {
  return locales.filter((l) => text[l].trim() === '');
}

export function newStep(taken: readonly string[]): Step {
  let n = taken.length + 1;
  while (taken.includes(`step-${n}`)) n++;
  return {
    id: `step-${n}`,
    title: blankText(),
    instructions: blankText(),
    facilitatorNotes: blankText(),
    timeboxSeconds: 5 * 60,
    speakingMode: 'open',
  };
}

function freeId(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export function newDraft(taken: (id: string) => boolean): Method {
  return {
    version: methodFormat.version,
    id: freeId('my-method', taken),
    name: blankText(),
    description: blankText(),
    purpose: blankText(),
    groupSize: { min: 3, max: 10 },
    phase: 'open',
    steps: [newStep([])],
  };
}

/** A built-in (or any) method copied under a new id: built-ins are copied, never edited in place. */
export function copyOf(method: Method, taken: (id: string) => boolean): Method {
  return { ...structuredClone(method), id: copyId(method.id, taken) };
}

/** Every problem the draft has now, at its path (`steps.0.title.fi`); none means it can be saved. */
export function draftIssues(draft: Method): MethodIssue[] {
  const read = readMethodFile(withoutEmptyOptionals(draft));
  return read.ok ? [] : read.issues;
}

/** The definition a save sends: an empty optional purpose is left out rather than refused. */
export function withoutEmptyOptionals(draft: Method): Method {
  const { purpose, ...rest } = draft;
  return purpose === undefined || missingLocales(purpose).length === locales.length ? rest : { ...rest, purpose };
}

/** The issues at exactly `path`, or under it with `nested`. */
export function issuesAt(issues: readonly MethodIssue[], path: string, nested = false): MethodIssue[] {
  return issues.filter((i) => i.path === path || (nested && i.path.startsWith(`${path}.`)));
}

export function totalSeconds(method: Pick<Method, 'steps'>): number {
  return method.steps.reduce((sum, s) => sum + s.timeboxSeconds, 0);
}

export function emptyLayout(): BoardLayout {
  return { frames: [], notes: [] };
}

/** The file a method is exported as: its definition, versioned, pretty-printed. */
export function methodFile(method: Method): { name: string; text: string } {
  return { name: `${method.id}.vermeboard-method.json`, text: `${JSON.stringify(method, null, 2)}\n` };
}

/** The file an agenda is exported as (`writeAgendaFile`), pretty-printed like a method's. */
export function agendaFileText(file: AgendaFile): { name: string; text: string } {
  return { name: `${file.agenda.id}.vermeboard-agenda.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}

export const draftLimits = {
  steps: facilitationLimits.stepsPerMethod,
  text: facilitationLimits.methodText,
  label: facilitationLimits.methodLabel,
} as const;
