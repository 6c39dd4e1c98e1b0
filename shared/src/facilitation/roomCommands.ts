// The session reducer's breakout-room commands (see rooms.ts): opening rooms from a split, moving
// one person, the shared countdown, a broadcast line, a Learning café rotation and closing. Each
// returns the new state and what the server must do outside the session: place each new room's
// result frame, close the room connections of people who left a room (their browser then opens
// the document they belong in now) and copy the results onto the plenary board.
import type { ParticipantId } from '../ids.js';
import type { CommandOf } from './commands.js';
import { roomOf, rotateGuests, splitRooms, type Breakout, type KeptRooms, type Placeable, type Room } from './rooms.js';
import type { StepGroups } from './method.js';
import type { SessionState } from './session.js';
import { adjustTimer, runningTimer } from './timer.js';
import { roomLimits } from './rooms.js';

export type RoomEffect =
  /** Place the result frame on these new rooms' boards. */
  | { kind: 'prepareRooms'; rooms: number[] }
  /** Close these people's connections to the room they were in (CloseCode.roomChanged). */
  | { kind: 'leaveRooms'; moves: { participantId: ParticipantId; room: number }[] }
  /** Copy each room's result frame onto the plenary board, side by side, then close every room connection. */
  | { kind: 'copyRoomResults'; rooms: { n: number; name: string }[] };

export type RoomApplied = { state: SessionState; effects: RoomEffect[] } | { invalid: string };

const invalid = (reason: string): RoomApplied => ({ invalid: reason });

/** Who rooms are for: present non-observers other than the facilitator, who visits every room. */
export function placeablePeople(state: SessionState): Placeable[] {
  return state.participants
    .filter((p) => p.present && p.role !== 'observer' && p.id !== state.facilitatorId)
    .map((p) => ({ id: p.id, groupId: p.groupId }));
}

/** Everyone whose room differs between two breakouts: they must leave the old room's document. */
function movesBetween(before: Breakout | null | undefined, after: Breakout | null): RoomEffect[] {
  if (!before) return [];
  const moves: { participantId: ParticipantId; room: number }[] = [];
  for (const room of before.rooms) {
    for (const id of room.memberIds) {
      if (roomOf(after, id)?.n !== room.n) moves.push({ participantId: id, room: room.n });
    }
  }
  return moves.length > 0 ? [{ kind: 'leaveRooms', moves }] : [];
}

export function openRooms(
  state: SessionState,
  command: CommandOf<'openRooms'>,
  now: number,
  random: (() => number) | undefined,
): RoomApplied {
  if (state.breakout) return invalid('rooms are open already; close them first');
  const seed = Math.floor((random?.() ?? 0) * 0xffffffff);
  const kept: KeptRooms = state.keptRooms ?? [];
  const split = splitRooms(command.split, placeablePeople(state), seed, kept);
  if (!split.ok) return invalid(split.reason);
  const first = state.nextRoomNo ?? 1;
  const rooms: Room[] = split.rooms.map((memberIds, i) => ({
    n: first + i,
    name: command.split.kind === 'kept' ? (kept[i]?.name ?? String(i + 1)) : String(i + 1),
    memberIds,
    // The first placed stays when a Learning café rotates.
    hostId: memberIds[0] ?? null,
  }));
  const breakout: Breakout = { rooms, timer: runningTimer(command.seconds * 1000, now), broadcast: null, round: 0 };
  return {
    state: { ...state, breakout, nextRoomNo: first + rooms.length },
    effects: [{ kind: 'prepareRooms', rooms: rooms.map((r) => r.n) }],
  };
}

export function moveToRoom(state: SessionState, command: CommandOf<'moveToRoom'>): RoomApplied {
  const breakout = state.breakout;
  if (!breakout) return invalid('no rooms are open');
  const person = state.participants.find((p) => p.id === command.participantId);
  if (!person?.present || person.role === 'observer') return invalid('they are not here to be placed');
  if (person.id === state.facilitatorId) return invalid('the facilitator visits rooms instead');
  if (command.room !== null && !breakout.rooms.some((r) => r.n === command.room)) return invalid('no such room');
  const rooms = breakout.rooms.map((r) => {
    const without = r.memberIds.filter((id) => id !== command.participantId);
    const memberIds = r.n === command.room ? [...without, command.participantId] : without;
    return { ...r, memberIds, hostId: r.hostId === command.participantId && r.n !== command.room ? null : r.hostId };
  });
  const next = { ...breakout, rooms };
  return { state: { ...state, breakout: next }, effects: movesBetween(breakout, next) };
}

export function broadcastToRooms(state: SessionState, command: CommandOf<'broadcastToRooms'>): RoomApplied {
  const breakout = state.breakout;
  if (!breakout) return invalid('no rooms are open');
  const seq = (breakout.broadcast?.seq ?? 0) + 1;
  return { state: { ...state, breakout: { ...breakout, broadcast: { text: command.text, seq } } }, effects: [] };
}

export function adjustRoomTime(state: SessionState, command: CommandOf<'adjustRoomTime'>, now: number): RoomApplied {
  const breakout = state.breakout;
  if (!breakout) return invalid('no rooms are open');
  const adjusted = adjustTimer(breakout.timer, command.seconds * 1000, now);
  if (!adjusted.ok) return invalid(adjusted.reason);
  return { state: { ...state, breakout: { ...breakout, timer: adjusted.value } }, effects: [] };
}

export function rotateRooms(state: SessionState, now: number): RoomApplied {
  const breakout = state.breakout;
  if (!breakout) return invalid('no rooms are open');
  if (breakout.rooms.length < 2) return invalid('one room has nowhere to rotate to');
  const seated = rotateGuests(breakout.rooms);
  const next: Breakout = {
    ...breakout,
    rooms: breakout.rooms.map((r, i) => ({ ...r, memberIds: seated[i]! })),
    round: Math.min(100, breakout.round + 1),
    // A new round at every table: the countdown starts again.
    timer: runningTimer(breakout.timer.durationMs, now),
  };
  return { state: { ...state, breakout: next }, effects: movesBetween(breakout, next) };
}

export function closeRooms(state: SessionState): RoomApplied {
  const breakout = state.breakout;
  if (!breakout) return invalid('no rooms are open');
  return {
    state: {
      ...state,
      breakout: null,
      keptRooms: breakout.rooms.map((r) => ({ name: r.name, memberIds: r.memberIds })),
    },
    effects: [{ kind: 'copyRoomResults', rooms: breakout.rooms.map((r) => ({ n: r.n, name: r.name })) }],
  };
}

const groupSizes = { pairs: 2, trios: 3, fours: 4 } as const;

/**
 * What entering a step with a group configuration does to the rooms (the method's, see
 * `stepGroupsSchema`): "whole" closes them; pairs, trios, fours and rooms of N close any open rooms
 * (their results reach the plenary board) and open new ones for the step's time; "rotate" moves a
 * Learning café's guests on. When nobody can be placed, everyone stays in the plenary.
 */
export function roomsForStep(
  state: SessionState,
  groups: StepGroups | undefined,
  stepMs: number,
  now: number,
  random: (() => number) | undefined,
): { state: SessionState; effects: RoomEffect[] } {
  if (!groups) return { state, effects: [] };
  const seconds = Math.min(roomLimits.maxSeconds, Math.max(60, Math.round(stepMs / 1000) || 600));
  if (groups.kind === 'rotate' && state.breakout && state.breakout.rooms.length > 1) {
    const rotated = rotateRooms(state, now);
    if ('invalid' in rotated) return { state, effects: [] };
    const breakout = { ...rotated.state.breakout!, timer: runningTimer(seconds * 1000, now) };
    return { state: { ...rotated.state, breakout }, effects: rotated.effects };
  }
  let next = state;
  const effects: RoomEffect[] = [];
  if (next.breakout) {
    const closed = closeRooms(next);
    if ('state' in closed) {
      next = closed.state;
      effects.push(...closed.effects);
    }
  }
  if (groups.kind === 'whole') return { state: next, effects };
  const size = groups.kind === 'rooms' || groups.kind === 'rotate' ? (groups.size ?? 4) : groupSizes[groups.kind];
  const mix = groups.kind === 'rotate' || (groups.kind === 'rooms' && groups.mix === true);
  const count = Math.max(1, Math.min(roomLimits.rooms, Math.round(placeablePeople(next).length / size)));
  const split = mix ? { kind: 'mixed' as const, rooms: count } : { kind: 'random' as const, size };
  const opened = openRooms(next, { type: 'openRooms', split, seconds }, now, random);
  if ('invalid' in opened) return { state: next, effects };
  return { state: opened.state, effects: [...effects, ...opened.effects] };
}
