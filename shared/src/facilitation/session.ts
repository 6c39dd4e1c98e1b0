// The facilitation state of one meeting: what the server keeps in the `meeting/<id>/session`
// document and every participant reads. Only the server writes it, by applying commands through
// `reduce`. It holds nothing secret: dot-vote ballots and unrevealed private notes live elsewhere
// (see ballots.ts and the per-participant private documents).
import { z } from 'zod';
import { groupIdSchema, participantIdSchema } from '../ids.js';
import { versioned, type Migration } from '../persisted/versioned.js';
import { limits } from '../limits.js';
import { roleSchema } from '../roles.js';
import { facilitationLimits } from './limits.js';
import { methodSchema, slugSchema } from './method.js';
import { breakoutSchema, keptRoomsSchema, roomCaseOwnersSchema } from './rooms.js';
import { idleTimer, timerSchema } from './timer.js';

/** A tldraw shape id (`shape:…`). Generated ids are URL-safe; layout ids add dots (see `layoutShapeId`). */
export const shapeIdSchema = z.string().regex(/^shape:[A-Za-z0-9_.:-]{1,120}$/, 'invalid shape id');

/** One agenda item's id, unique within the meeting: `<methodId>-<n>`. */
export const instanceIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'invalid instance id')
  .max(64);

const epochMs = z.number().int().min(0);
const count = z.number().int().min(0);
const participantIds = z.array(participantIdSchema).max(facilitationLimits.participants);
const talkTime = z.record(participantIdSchema, count);

export const agendaItemSchema = z.strictObject({ methodId: slugSchema, instanceId: instanceIdSchema });
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const positionSchema = z.strictObject({ agendaIndex: count, stepIndex: count });
export type Position = z.infer<typeof positionSchema>;

/**
 * Everyone who has been in the meeting. Presence lives here, fed by the server's join and leave
 * commands, rather than being passed in from outside: the turn order, late-joiner handling and the
 * hand-over check all need it, and keeping it in the state keeps the reducer a function of its input.
 * Left participants stay (present: false) so their talk time and revealed notes keep a name.
 */
export const participantSchema = z.strictObject({
  id: participantIdSchema,
  name: z.string().min(1).max(limits.displayName),
  /** The role their token grants in the group; the meeting's facilitator is `facilitatorId`. */
  role: roleSchema,
  /** When they last joined; a round-robin order is built in this order. */
  joinedAt: epochMs,
  present: z.boolean(),
  /**
   * The group their token belongs to: a plaza meeting has people of several groups, and breakout
   * rooms can be split by group or mixed across groups. Absent in sessions stored before rooms.
   */
  groupId: groupIdSchema.optional(),
});
export type Participant = z.infer<typeof participantSchema>;

/** Round-robin state of the current step; reset whenever a step is entered. */
export const turnsSchema = z.strictObject({
  order: participantIds,
  /** Index into `order` of the speaker, or null before the round starts and after it ends. */
  currentIndex: count.nullable(),
  roundDone: z.boolean(),
  /** Who passed in this round, so the facilitator can offer them the turn again. */
  passed: participantIds,
  /** The per-turn countdown; idle when the step has no per-turn timebox. */
  timer: timerSchema,
  /** When the current speaker's turn began, for talk time. */
  turnStartedAt: epochMs.nullable(),
  /** Talk time in this step's round. */
  talkMs: talkTime,
  /**
   * Who shared their private notes in this round, by their own "share" (or the facilitator's on
   * their behalf). A speaker who passes is not here and their notes stay private. Optional so that
   * sessions stored before it existed still parse.
   */
  shared: participantIds.optional(),
});
export type Turns = z.infer<typeof turnsSchema>;

export const handSchema = z.strictObject({ participantId: participantIdSchema, raisedAt: epochMs });
export type Hand = z.infer<typeof handSchema>;

const coordinate = z.number().finite().min(-1e7).max(1e7);
const extent = z.number().finite().positive().max(1e7);

export const focusTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('viewport'), x: coordinate, y: coordinate, w: extent, h: extent }),
  z.strictObject({ kind: z.literal('frame'), shapeId: shapeIdSchema }),
]);
export type FocusTarget = z.infer<typeof focusTargetSchema>;

/**
 * Where the facilitator wants everyone to look: "bring everyone here" (their viewport), a
 * spotlighted frame, or nowhere. `seq` grows with every request and never resets, so asking again
 * moves people who wandered off even when the target is the same.
 */
export const focusSchema = z.strictObject({ target: focusTargetSchema.nullable(), seq: count });
export type Focus = z.infer<typeof focusSchema>;

export const voteIdSchema = z.string().regex(/^vote-[0-9]{1,4}$/, 'invalid vote id');

/** A dot vote. Only counts appear here, and only once the vote is closed. */
export const voteSchema = z.strictObject({
  id: voteIdSchema,
  frameShapeId: shapeIdSchema,
  votesPerPerson: z.number().int().min(1).max(facilitationLimits.votesPerPerson),
  status: z.enum(['open', 'closed']),
  /** Votes per note shape; set when the vote closes. Notes nobody voted for are absent. */
  results: z.record(shapeIdSchema, count).optional(),
  /** How many people voted; set when the vote closes. */
  voterCount: count.optional(),
  /**
   * While the vote is open: how many people have at least one dot down. A count of voters only,
   * never of choices, so "3 of 4 have voted" can show live without telling who chose what.
   */
  votedSoFar: count.optional(),
  /** The `stepKey` of the step it was started in: its results show in that step, not in every later one. */
  step: z.string().max(120).optional(),
});
export type Vote = z.infer<typeof voteSchema>;

/**
 * One visit to a step: when it was entered and left (server time), so the meeting summary can show
 * the agenda as it was run. Going back to a step adds another visit.
 */
export const stepVisitSchema = z.strictObject({
  instanceId: instanceIdSchema,
  stepId: slugSchema,
  enteredAt: epochMs,
  /** Null while the meeting is on this step. */
  leftAt: epochMs.nullable(),
});
export type StepVisit = z.infer<typeof stepVisitSchema>;

/** Planned step durations the facilitator changed, per `stepKey`, in seconds. */
const stepDurations = z
  .record(
    z.string().max(120),
    z
      .number()
      .int()
      .min(0)
      .max(facilitationLimits.maxDurationMs / 1000),
  )
  .refine(
    (d) => Object.keys(d).length <= facilitationLimits.agendaItems * facilitationLimits.stepsPerMethod,
    'too many step durations',
  );

/** How a stored session from an older server becomes today's, oldest first (see persisted/versioned.ts). */
const sessionMigrations: readonly Migration[] = [
  {
    change: '2: every session has a step log (sessions stored before it existed have none)',
    up: (v) => ({ ...v, stepLog: v.stepLog ?? [] }),
  },
];
export const sessionVersion = sessionMigrations.length + 1;

export const sessionStateSchema = z.strictObject({
  version: z.literal(sessionVersion),
  status: z.enum(['draft', 'running', 'ended']),
  agenda: z.array(agendaItemSchema).max(facilitationLimits.agendaItems),
  /** Source of agenda instance ids, so a removed item's id is never reused. */
  nextInstanceSeq: count,
  /** Null until the meeting starts. */
  position: positionSchema.nullable(),
  /** The step timer. */
  timer: timerSchema,
  /** The meeting's facilitator; null until a holder of the facilitator role joins. */
  facilitatorId: participantIdSchema.nullable(),
  participants: z.array(participantSchema).max(facilitationLimits.participants + facilitationLimits.observers),
  turns: turnsSchema,
  /** Talk time over the whole meeting, across round-robin steps. */
  talkMs: talkTime,
  /** The case owner (problem clinic, Troika, …) per agenda item; they are the presenter too. */
  caseOwners: z.record(instanceIdSchema, participantIdSchema),
  /** Raised hands, first raised first. */
  hands: z.array(handSchema).max(facilitationLimits.participants),
  /** Who said "I'm done" in the current silent step. */
  done: participantIds,
  focus: focusSchema,
  lockedShapeIds: z.array(shapeIdSchema).max(facilitationLimits.lockedShapes),
  /** `stepKey`s whose board layout has been placed, so going back and forth places it once. */
  placedLayouts: z.array(z.string().max(120)).max(facilitationLimits.agendaItems * facilitationLimits.stepsPerMethod),
  votes: z.array(voteSchema).max(facilitationLimits.votes),
  /** Step visits, oldest first; the oldest fall off past `facilitationLimits.stepVisits`. */
  stepLog: z.array(stepVisitSchema).max(facilitationLimits.stepVisits),
  /**
   * Whether a step's timer starts by itself when the step is entered (absent: yes). A method can
   * also opt out for all its steps (`Method.autoStartTimer`). Optional, like every field added
   * after the first stored sessions.
   */
  autoStartTimers: z.boolean().optional(),
  /** Step durations changed from the method's timebox, while building the agenda or during the meeting. */
  stepDurations: stepDurations.optional(),
  /** The open breakout rooms (rooms.ts); null or absent while everyone is in the plenary. */
  breakout: breakoutSchema.nullable().optional(),
  /** The next room's document number: room boards are never reused within a meeting. */
  nextRoomNo: count.optional(),
  /** The rooms as they were when they last closed, to open again (here or in the group's next meeting). */
  keptRooms: keptRoomsSchema.optional(),
  /**
   * Breakout rooms' own case owners (Troika consulting, Wise crowds: each room picks its client),
   * per agenda item, one entry per room. Room numbers are never reused within a meeting, so the
   * entries outlive the rooms and the summary names each room's owner (see caseOwner.ts).
   */
  roomCaseOwners: z.record(instanceIdSchema, roomCaseOwnersSchema).optional(),
  /**
   * The definitions of the library methods (not built in) the agenda uses, copied when they were
   * added: the meeting keeps working if a trainer later edits or deletes one.
   */
  methods: z.array(methodSchema).max(facilitationLimits.meetingLibraryMethods).optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** The session as stored in the session document: read it only through here. */
export const sessionFormat = versioned({ name: 'session', schema: sessionStateSchema, migrations: sessionMigrations });

/** Names one step of one agenda item, for effects and for `placedLayouts`. */
export interface StepRef {
  instanceId: string;
  methodId: string;
  stepId: string;
}

export function stepKey(ref: Pick<StepRef, 'instanceId' | 'stepId'>): string {
  return `${ref.instanceId}/${ref.stepId}`;
}

export function emptyTurns(): Turns {
  return {
    order: [],
    currentIndex: null,
    roundDone: false,
    passed: [],
    timer: idleTimer(0),
    turnStartedAt: null,
    talkMs: {},
    shared: [],
  };
}

/** A new meeting's session: a draft with an empty agenda and nobody present. */
export function createSession(): SessionState {
  return {
    version: sessionVersion,
    status: 'draft',
    agenda: [],
    nextInstanceSeq: 1,
    position: null,
    timer: idleTimer(0),
    facilitatorId: null,
    participants: [],
    turns: emptyTurns(),
    talkMs: {},
    caseOwners: {},
    hands: [],
    done: [],
    focus: { target: null, seq: 0 },
    lockedShapeIds: [],
    placedLayouts: [],
    votes: [],
    stepLog: [],
    autoStartTimers: true,
    stepDurations: {},
  };
}
