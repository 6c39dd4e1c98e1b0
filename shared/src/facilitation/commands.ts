// Every change to a meeting's session is one of these commands. Browsers send them over HTTP or
// the ws connection; the server parses them with `clientCommandSchema` (which cannot express the
// presence commands only the server issues) and applies them with `reduce`.
import { z } from 'zod';
import { groupIdSchema, participantIdSchema } from '../ids.js';
import { maxRoomNumber } from '../docNames.js';
import { isoDateSchema } from '../process/text.js';
import { limits } from '../limits.js';
import { roleSchema } from '../roles.js';
import { facilitationLimits } from './limits.js';
import { slugSchema } from './method.js';
import { instanceIdSchema, positionSchema, shapeIdSchema, voteIdSchema } from './session.js';
import { roomLimits, roomSplitSchema } from './rooms.js';

const index = z.number().int().min(0).max(facilitationLimits.agendaItems);
const stepIndex = z.number().int().min(0).max(facilitationLimits.stepsPerMethod);
const coordinate = z.number().finite().min(-1e7).max(1e7);
const extent = z.number().finite().positive().max(1e7);
const shapeIds = z.array(shapeIdSchema).min(1).max(facilitationLimits.shapesPerCommand);

/**
 * Optional preconditions: a command that carries what its sender saw is refused when the session
 * has moved on, so a double click or two facilitators' clicks crossing do not skip a step or a turn.
 */
const expectedPosition = { from: positionSchema.optional() };
const expectedSpeaker = { speakerId: participantIdSchema.nullable().optional() };

export const reactions = ['thumbsUp', 'heart', 'clap', 'laugh', 'surprised', 'thinking'] as const;
export const reactionSchema = z.enum(reactions);
export type Reaction = z.infer<typeof reactionSchema>;

export const turnOrderSchema = z.discriminatedUnion('kind', [
  /** The listed participants first, in this order; present members not listed follow in join order. */
  z.strictObject({
    kind: z.literal('fixed'),
    participantIds: z.array(participantIdSchema).max(facilitationLimits.participants),
  }),
  /** Present members in a seeded random order; without a seed the server's `random` supplies one. */
  z.strictObject({ kind: z.literal('shuffled'), seed: z.number().int().min(0).max(0xffffffff).optional() }),
]);
export type TurnOrder = z.infer<typeof turnOrderSchema>;

export const revealTargetSchema = z.discriminatedUnion('kind', [
  /** Everyone's private notes. */
  z.strictObject({ kind: z.literal('step') }),
  z.strictObject({ kind: z.literal('participant'), participantId: participantIdSchema }),
]);

export const timerKinds = ['step', 'turn'] as const;
export const timerKindSchema = z.enum(timerKinds);
export type TimerKind = z.infer<typeof timerKindSchema>;

/** The breakout room whose board holds the marked note; absent for the plenary board. */
const markRoom = { room: z.number().int().min(1).max(maxRoomNumber).optional() };

const clientCommands = [
  // Agenda
  z.strictObject({ type: z.literal('addAgendaItem'), methodId: slugSchema, index: index.optional() }),
  z.strictObject({ type: z.literal('removeAgendaItem'), instanceId: instanceIdSchema }),
  z.strictObject({ type: z.literal('moveAgendaItem'), instanceId: instanceIdSchema, toIndex: index }),
  z.strictObject({ type: z.literal('applyPreset'), presetId: slugSchema }),
  // Meeting and steps
  z.strictObject({ type: z.literal('startMeeting') }),
  z.strictObject({ type: z.literal('nextStep'), ...expectedPosition }),
  z.strictObject({ type: z.literal('previousStep'), ...expectedPosition }),
  z.strictObject({ type: z.literal('gotoStep'), agendaIndex: index, stepIndex }),
  z.strictObject({ type: z.literal('endMeeting') }),
  // Timers. `timer` names the step timer or a round-robin turn's; without it, start means the step
  // timer and pause/resume hold both (what older browsers send).
  z.strictObject({ type: z.literal('startTimer'), timer: timerKindSchema.optional() }),
  z.strictObject({ type: z.literal('pauseTimer'), timer: timerKindSchema.optional() }),
  z.strictObject({ type: z.literal('resumeTimer'), timer: timerKindSchema.optional() }),
  z.strictObject({
    type: z.literal('adjustTimer'),
    minutes: z
      .number()
      .int()
      .min(-facilitationLimits.maxAdjustMinutes)
      .max(facilitationLimits.maxAdjustMinutes)
      .refine((m) => m !== 0, 'must not be zero'),
  }),
  z.strictObject({ type: z.literal('setAutoStartTimers'), on: z.boolean() }),
  /** The planned duration of one step of the agenda, before or during the meeting. */
  z.strictObject({
    type: z.literal('setStepDuration'),
    instanceId: instanceIdSchema,
    stepId: slugSchema,
    minutes: z
      .number()
      .int()
      .min(0)
      .max(facilitationLimits.maxDurationMs / 60_000),
    /** Seconds on top of the minutes: a rehearsal's shortened steps are planned to the second. */
    seconds: z.number().int().min(0).max(59).optional(),
  }),
  // Round-robin
  z.strictObject({ type: z.literal('setTurnOrder'), order: turnOrderSchema }),
  z.strictObject({ type: z.literal('nextTurn'), ...expectedSpeaker }),
  z.strictObject({ type: z.literal('passTurn'), ...expectedSpeaker }),
  z.strictObject({ type: z.literal('previousTurn'), ...expectedSpeaker }),
  z.strictObject({ type: z.literal('giveTurn'), participantId: participantIdSchema }),
  /** The speaker shows their private notes of this agenda item; passing instead keeps them private. */
  z.strictObject({ type: z.literal('shareNotes'), ...expectedSpeaker }),
  // Roles
  /**
   * The current agenda item's case owner (null clears it): the plenary's, or with `room` that
   * breakout room's own, chosen by the facilitator or by a member of the room.
   */
  z.strictObject({
    type: z.literal('chooseCaseOwner'),
    participantId: participantIdSchema.nullable(),
    room: z.number().int().min(1).max(maxRoomNumber).optional(),
  }),
  z.strictObject({ type: z.literal('handOverFacilitation'), participantId: participantIdSchema }),
  z.strictObject({ type: z.literal('claimFacilitation') }),
  // Attention and structure
  z.strictObject({
    type: z.literal('bringEveryoneHere'),
    viewport: z.strictObject({ x: coordinate, y: coordinate, w: extent, h: extent }),
  }),
  z.strictObject({ type: z.literal('spotlightFrame'), shapeId: shapeIdSchema }),
  z.strictObject({ type: z.literal('clearFocus') }),
  z.strictObject({ type: z.literal('lockShapes'), shapeIds }),
  z.strictObject({ type: z.literal('unlockShapes'), shapeIds }),
  // Everyone
  z.strictObject({ type: z.literal('raiseHand') }),
  /** Without a participant id: one's own hand. The facilitator may lower anyone's. */
  z.strictObject({ type: z.literal('lowerHand'), participantId: participantIdSchema.optional() }),
  z.strictObject({ type: z.literal('react'), reaction: reactionSchema }),
  z.strictObject({ type: z.literal('markDone') }),
  z.strictObject({ type: z.literal('markUndone') }),
  // Dot voting
  z.strictObject({
    type: z.literal('startVote'),
    frameShapeId: shapeIdSchema,
    votesPerPerson: z.number().int().min(1).max(facilitationLimits.votesPerPerson),
  }),
  z.strictObject({ type: z.literal('castVote'), voteId: voteIdSchema, shapeId: shapeIdSchema }),
  z.strictObject({ type: z.literal('withdrawVote'), voteId: voteIdSchema, shapeId: shapeIdSchema }),
  z.strictObject({ type: z.literal('closeVote'), voteId: voteIdSchema }),
  // Private notes
  z.strictObject({ type: z.literal('revealNotes'), target: revealTargetSchema }),
  // Marks on board notes, kept by the server in the `marks` map of the board the note is on
  // (shared/src/boardDoc.ts): the plenary board, or with `room` that open breakout room's board.
  z.strictObject({ type: z.literal('starNote'), shapeId: shapeIdSchema, starred: z.boolean(), ...markRoom }),
  z.strictObject({
    type: z.literal('markAction'),
    shapeId: shapeIdSchema,
    ...markRoom,
    /** null removes the mark. */
    action: z
      .strictObject({ ownerParticipantId: participantIdSchema.nullable(), dueDate: isoDateSchema.nullable() })
      .nullable(),
  }),
  // Breakout rooms (rooms.ts)
  z.strictObject({
    type: z.literal('openRooms'),
    split: roomSplitSchema,
    seconds: z.number().int().min(30).max(roomLimits.maxSeconds),
  }),
  /** Moves someone into a room, or back to the plenary (null). */
  z.strictObject({
    type: z.literal('moveToRoom'),
    participantId: participantIdSchema,
    room: z.number().int().min(1).max(maxRoomNumber).nullable(),
  }),
  z.strictObject({
    type: z.literal('broadcastToRooms'),
    text: z.string().trim().min(1).max(roomLimits.broadcast),
  }),
  z.strictObject({
    type: z.literal('adjustRoomTime'),
    seconds: z
      .number()
      .int()
      .min(-roomLimits.maxSeconds)
      .max(roomLimits.maxSeconds)
      .refine((s) => s !== 0, 'must not be zero'),
  }),
  /** Learning café: hosts stay at their table, everyone else moves one table on. */
  z.strictObject({ type: z.literal('rotateRooms') }),
  /** Everyone back to the plenary; each room's result frame is copied onto the plenary board. */
  z.strictObject({ type: z.literal('closeRooms') }),
] as const;

/** Presence, issued by the server when a participant's first connection opens or last one closes. */
const presenceCommands = [
  z.strictObject({
    type: z.literal('join'),
    participantId: participantIdSchema,
    name: z.string().min(1).max(limits.displayName),
    role: roleSchema,
    groupId: groupIdSchema.optional(),
  }),
  z.strictObject({ type: z.literal('leave'), participantId: participantIdSchema }),
] as const;

/** What a browser may send. */
export const clientCommandSchema = z.discriminatedUnion('type', [...clientCommands]);
export type ClientCommand = z.infer<typeof clientCommandSchema>;

/** Everything `reduce` accepts: client commands and the server's presence commands. */
export const sessionCommandSchema = z.discriminatedUnion('type', [...clientCommands, ...presenceCommands]);
export type SessionCommand = z.infer<typeof sessionCommandSchema>;
export type CommandType = SessionCommand['type'];
export type CommandOf<T extends CommandType> = Extract<SessionCommand, { type: T }>;
