// A facilitation *method* is data: localized names and instructions, ordered steps, and the board
// layout each step places. The schema is the contract for the built-in library and for any method
// a trainer defines later, so every text must exist in every UI language.
import { z } from 'zod';
import { LAYOUT_ID_PREFIX } from '../boardDoc.js';
import { addSwedishFromEnglish } from '../persisted/addSwedish.js';
import { versioned, type Migration } from '../persisted/versioned.js';
import { facilitationLimits } from './limits.js';

export const locales = ['en', 'fi', 'sv'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be blank');

/** A text in every UI language; a missing or blank translation is a schema error, not a fallback. */
export const localizedText = (max: number = facilitationLimits.methodText) =>
  z.strictObject({ en: nonBlank(max), fi: nonBlank(max), sv: nonBlank(max) });
export const localizedTextSchema = localizedText();
export const localizedLabelSchema = localizedText(facilitationLimits.methodLabel);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Stable ids for methods, steps, frames and prompt notes. They end up inside board shape ids
 * (see `layoutShapeId`), so they are lower-case slugs without dots.
 */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug')
  .max(48);

export const speakingModes = ['open', 'facilitator', 'round-robin', 'presenter', 'consultants', 'silent'] as const;
export const speakingModeSchema = z.enum(speakingModes);
export type SpeakingMode = z.infer<typeof speakingModeSchema>;

/** tldraw's default colour names, so a prompt note maps onto a sticky note without translation. */
export const noteColors = [
  'yellow',
  'orange',
  'light-red',
  'red',
  'light-green',
  'green',
  'light-blue',
  'blue',
  'light-violet',
  'violet',
  'grey',
  'black',
  'white',
] as const;
export const noteColorSchema = z.enum(noteColors);
export type NoteColor = z.infer<typeof noteColorSchema>;

const coordinate = z.number().finite().min(-20_000).max(20_000);
const extent = z.number().finite().min(40).max(10_000);

/**
 * A frame in a method's own coordinate space; the server offsets each agenda item's layout so two
 * methods never overlap. The same frame id in two steps of one method is the same frame: it is
 * placed by whichever step comes first, so every step can list the frames it needs.
 */
export const layoutFrameSchema = z.strictObject({
  id: slugSchema,
  label: localizedLabelSchema,
  x: coordinate,
  y: coordinate,
  w: extent,
  h: extent,
});
export type LayoutFrame = z.infer<typeof layoutFrameSchema>;

/** A prompt sticky note placed inside a frame; its position inside the frame is the server's choice. */
export const promptNoteSchema = z.strictObject({
  id: slugSchema,
  text: localizedLabelSchema,
  frameId: slugSchema,
  color: noteColorSchema,
});
export type PromptNote = z.infer<typeof promptNoteSchema>;

export const boardLayoutSchema = z
  .strictObject({
    frames: z.array(layoutFrameSchema).max(facilitationLimits.layoutItems),
    notes: z.array(promptNoteSchema).max(facilitationLimits.layoutItems),
  })
  .refine((l) => l.frames.length + l.notes.length <= facilitationLimits.layoutItems, 'too many layout items')
  .superRefine((l, ctx) => {
    for (const [index, note] of l.notes.entries()) {
      if (!l.frames.some((f) => f.id === note.frameId))
        ctx.addIssue({
          code: 'custom',
          message: 'a note refers to a missing frame',
          path: ['notes', index, 'frameId'],
        });
    }
  });
export type BoardLayout = z.infer<typeof boardLayoutSchema>;

/**
 * How people work in a step: the whole group together, or in breakout rooms (see rooms.ts) that the
 * server opens, rotates or closes when the step is entered. Without it, a step leaves the rooms as
 * they are (the facilitator's own rooms stay open across steps).
 */
export const stepGroupsSchema = z.discriminatedUnion('kind', [
  /** Everyone back in the plenary: open rooms close and their results are copied there. */
  z.strictObject({ kind: z.literal('whole') }),
  z.strictObject({ kind: z.literal('pairs') }),
  z.strictObject({ kind: z.literal('trios') }),
  z.strictObject({ kind: z.literal('fours') }),
  /** Rooms of about `size` people; `mix` puts people of different groups together (a plaza meeting). */
  z.strictObject({ kind: z.literal('rooms'), size: z.number().int().min(2).max(20), mix: z.boolean().optional() }),
  /** Learning café: each room's host stays, the others move one room on (rooms open mixed if none are). */
  z.strictObject({ kind: z.literal('rotate'), size: z.number().int().min(2).max(20).optional() }),
]);
export type StepGroups = z.infer<typeof stepGroupsSchema>;

const seconds = z
  .number()
  .int()
  .min(0)
  .max(facilitationLimits.maxDurationMs / 1000);

export const stepSchema = z
  .strictObject({
    id: slugSchema,
    title: localizedLabelSchema,
    /** What participants read on the step card. */
    instructions: localizedTextSchema,
    /** Shown only in the facilitator panel. */
    facilitatorNotes: localizedTextSchema,
    /** The default timebox; for round-robin steps with `turnSeconds` the timer is per member instead. */
    timeboxSeconds: seconds,
    /** Per-turn timebox of a round-robin step; the step timer becomes turnSeconds × speakers. */
    turnSeconds: seconds.min(5).optional(),
    speakingMode: speakingModeSchema,
    /**
     * Round-robin: the speaker may share their private notes on their turn (the check-in round).
     * Nothing is revealed when the turn is given: only the speaker's own "share" (or the
     * facilitator's on their behalf) reveals, so passing keeps the notes private.
     */
    revealOnTurn: z.boolean().optional(),
    /** Every member's private notes are revealed when the step starts (after a silent "alone" step). */
    revealOnStart: z.boolean().optional(),
    /** The facilitator panel offers the case-owner picker here. */
    caseOwnerChosenHere: z.boolean().optional(),
    /** Consultants mode: consultants ask and the owner answers briefly, instead of the owner only listening. */
    ownerAnswers: z.boolean().optional(),
    /** The server adds one card per group goal (from the group's data) to the layout. */
    needsGroupGoals: z.boolean().optional(),
    /**
     * The prompt notes of the layout's first frame are the group's own ground rules, read from the
     * group's data when the step is placed; the built-in notes stand in only for a group with none.
     */
    needsGroupRules: z.boolean().optional(),
    layout: boardLayoutSchema.optional(),
    /**
     * The frames people work in during this step, when they are not simply the step's own layout
     * frames: the case owner stars ideas in the consultation's frame before writing a first step.
     * Any frame of the method may be named; the view goes there when the step starts.
     */
    focusFrames: z.array(slugSchema).min(1).max(facilitationLimits.layoutItems).optional(),
    /** Whole group or breakout rooms; optional, and absent in methods written before rooms. */
    groups: stepGroupsSchema.optional(),
  })
  .refine((s) => s.turnSeconds === undefined || s.speakingMode === 'round-robin', {
    message: 'turnSeconds only applies to round-robin steps',
    path: ['turnSeconds'],
  })
  .refine((s) => !s.revealOnTurn || s.speakingMode === 'round-robin', {
    message: 'revealOnTurn only applies to round-robin steps',
    path: ['revealOnTurn'],
  })
  .refine((s) => !s.ownerAnswers || s.speakingMode === 'consultants', {
    message: 'ownerAnswers only applies to consultants steps',
    path: ['ownerAnswers'],
  });
export type Step = z.infer<typeof stepSchema>;
export type StepInput = z.input<typeof stepSchema>;

/**
 * The part of a session a method serves, after Liberating Structures' design elements: opening,
 * diverging (many ideas), converging (choosing) or closing.
 */
export const methodPhases = ['open', 'diverge', 'converge', 'close'] as const;
export const methodPhaseSchema = z.enum(methodPhases);
export type MethodPhase = z.infer<typeof methodPhaseSchema>;

const groupPeople = z.number().int().min(1).max(facilitationLimits.participants);

/** How many people the method is made for, inclusive. */
export const groupSizeSchema = z
  .strictObject({ min: groupPeople, max: groupPeople })
  .refine((g) => g.min <= g.max, { message: 'the smallest group is larger than the largest', path: ['max'] });

/** How a method definition written for an older format becomes today's, oldest first. */
const methodMigrations: readonly Migration[] = [addSwedishFromEnglish];

export const methodSchema = z
  .strictObject({
    /** The definition format's version, so a stored or imported method can be migrated. */
    version: z.literal(methodMigrations.length + 1),
    id: slugSchema,
    name: localizedLabelSchema,
    description: localizedTextSchema,
    /** Why a facilitator would pick this method (a trainer's method says so; built-ins may not). */
    purpose: localizedTextSchema.optional(),
    groupSize: groupSizeSchema.optional(),
    phase: methodPhaseSchema.optional(),
    /** False: this method's step timers wait for the facilitator instead of starting with the step. */
    autoStartTimer: z.boolean().optional(),
    steps: z.array(stepSchema).min(1).max(facilitationLimits.stepsPerMethod),
  })
  .superRefine((m, ctx) => {
    const stepIds = new Set<string>();
    // Frames and notes share one id space per method: both become shape ids under one agenda item.
    const items = new Map<string, string>();
    for (const step of m.steps) {
      const at = ['steps', m.steps.indexOf(step)];
      if (stepIds.has(step.id))
        ctx.addIssue({ code: 'custom', message: `duplicate step id ${step.id}`, path: [...at, 'id'] });
      stepIds.add(step.id);
      const inStep = new Set<string>();
      for (const item of [...(step.layout?.frames ?? []), ...(step.layout?.notes ?? [])]) {
        if (inStep.has(item.id))
          ctx.addIssue({
            code: 'custom',
            message: `duplicate layout id ${item.id} in ${step.id}`,
            path: [...at, 'layout'],
          });
        inStep.add(item.id);
        // A repeated id must describe the same item, or the placement would depend on the step order.
        const json = JSON.stringify(item);
        const earlier = items.get(item.id);
        if (earlier !== undefined && earlier !== json) {
          ctx.addIssue({
            code: 'custom',
            message: `layout id ${item.id} differs between steps`,
            path: [...at, 'layout'],
          });
        }
        items.set(item.id, json);
      }
    }
    const frameIds = new Set(m.steps.flatMap((s) => (s.layout?.frames ?? []).map((f) => f.id)));
    for (const [index, step] of m.steps.entries()) {
      for (const id of step.focusFrames ?? []) {
        if (!frameIds.has(id))
          ctx.addIssue({
            code: 'custom',
            message: `${step.id} focuses on unknown frame ${id}`,
            path: ['steps', index, 'focusFrames'],
          });
      }
    }
  });
export type Method = z.infer<typeof methodSchema>;
export type MethodInput = z.input<typeof methodSchema>;

/** A method definition as stored or imported: read it only through here. */
export const methodFormat = versioned({ name: 'method', schema: methodSchema, migrations: methodMigrations });

/**
 * Parses a built-in method definition (today's format) at module load, so a broken template fails
 * every test and the server's start instead of surfacing in a meeting.
 */
export function defineMethod(method: Omit<MethodInput, 'version'>): Method {
  const read = methodFormat.read({ ...method, version: methodFormat.version });
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

/**
 * The board shape id of a layout item placed for one agenda item. Deterministic, so placing a
 * layout twice writes the same records (idempotent) and the session can lock them by id.
 */
export function layoutShapeId(instanceId: string, itemId: string): string {
  return `${LAYOUT_ID_PREFIX}${instanceId}.${itemId}`;
}

/**
 * The duration a step's timer starts with, given how many speakers a round-robin step has; a
 * duration the facilitator set for this step (`plannedSeconds`) wins over the method's.
 */
export function stepDurationMs(step: Step, speakers: number, plannedSeconds?: number): number {
  const ms =
    plannedSeconds !== undefined
      ? plannedSeconds * 1000
      : step.turnSeconds !== undefined && speakers > 0
        ? step.turnSeconds * 1000 * speakers
        : step.timeboxSeconds * 1000;
  return Math.min(ms, facilitationLimits.maxDurationMs);
}
