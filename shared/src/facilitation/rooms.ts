// Breakout rooms: the people present split into rooms, each with its own board document
// (`meeting/<id>/room/<n>/board`, see docNames.ts) and a shared countdown. The assignment lives in
// the session (`SessionState.breakout`), written by the server only, and it alone decides who may
// open a room's board (policy `room.enter`). Splitting is pure and seeded, so the reducer stays a
// function of its input.
import { z } from 'zod';
import type { GroupId, ParticipantId } from '../ids.js';
import { participantIdSchema } from '../ids.js';
import { maxRoomNumber } from '../docNames.js';
import { LAYOUT_ID_PREFIX } from '../boardDoc.js';
import { facilitationLimits } from './limits.js';
import { shuffleWithSeed } from './roundRobin.js';
import { timerSchema } from './timer.js';

export const roomLimits = {
  /** Rooms open at once. */
  rooms: 20,
  /** Longest facilitator's broadcast line. */
  broadcast: 200,
  roomName: 60,
  /** Longest a round of rooms may be set to run: two hours. */
  maxSeconds: 2 * 60 * 60,
} as const;

const roomNumberSchema = z.number().int().min(1).max(maxRoomNumber);
const participantIds = z.array(participantIdSchema).max(facilitationLimits.participants);

export const roomSchema = z.strictObject({
  /** The room's document number: `meeting/<id>/room/<n>/board`. */
  n: roomNumberSchema,
  name: z.string().min(1).max(roomLimits.roomName),
  memberIds: participantIds,
  /** Learning café: the table's host, who stays when the others rotate. */
  hostId: participantIdSchema.nullable().optional(),
});
export type Room = z.infer<typeof roomSchema>;

export const broadcastSchema = z.strictObject({
  text: z.string().min(1).max(roomLimits.broadcast),
  /** Grows with every broadcast, so the same line sent twice shows twice. */
  seq: z.number().int().min(1),
});

export const breakoutSchema = z.strictObject({
  rooms: z.array(roomSchema).min(1).max(roomLimits.rooms),
  /** The countdown every room shows; a warning shows in the last minute. */
  timer: timerSchema,
  broadcast: broadcastSchema.nullable(),
  /** Learning café rounds so far (0 for the first seating). */
  round: z.number().int().min(0).max(100),
});
export type Breakout = z.infer<typeof breakoutSchema>;

/**
 * One agenda item's case owners chosen in rooms: the room's number and name (kept for the summary
 * after the room closes) and its owner. At most one entry per room.
 */
export const roomCaseOwnersSchema = z
  .array(z.strictObject({ room: roomNumberSchema, name: roomSchema.shape.name, participantId: participantIdSchema }))
  .max(maxRoomNumber);
export type RoomCaseOwners = z.infer<typeof roomCaseOwnersSchema>;

/** Kept after the rooms close, to open the same rooms again (this meeting or the group's next). */
export const keptRoomsSchema = z
  .array(z.strictObject({ name: roomSchema.shape.name, memberIds: participantIds }))
  .max(roomLimits.rooms);
export type KeptRooms = z.infer<typeof keptRoomsSchema>;

export const roomSplitSchema = z.discriminatedUnion('kind', [
  /** Everyone with the people of their own group (a plaza meeting has several groups). */
  z.strictObject({ kind: z.literal('byGroup') }),
  /** This many rooms, each with people of different groups as far as the groups allow. */
  z.strictObject({ kind: z.literal('mixed'), rooms: z.number().int().min(1).max(roomLimits.rooms) }),
  /** Rooms of about this many people, drawn at random. */
  z.strictObject({ kind: z.literal('random'), size: z.number().int().min(2).max(facilitationLimits.participants) }),
  /** The facilitator's own rooms, empty ones too; present people left out stay in the plenary. */
  z.strictObject({
    kind: z.literal('manual'),
    rooms: z
      .array(z.strictObject({ memberIds: participantIds }))
      .min(1)
      .max(roomLimits.rooms),
  }),
  /** The rooms kept from the last time rooms closed. */
  z.strictObject({ kind: z.literal('kept') }),
]);
export type RoomSplit = z.infer<typeof roomSplitSchema>;

/** Whom a split places: the people present who are not observers, facilitator excepted (they visit). */
export interface Placeable {
  id: ParticipantId;
  groupId: GroupId | undefined;
}

/** Deals people round the rooms in turn, in the order given. */
function deal(people: readonly Placeable[], count: number): ParticipantId[][] {
  const rooms: ParticipantId[][] = Array.from({ length: count }, () => []);
  people.forEach((p, i) => rooms[i % count]!.push(p.id));
  return rooms;
}

function byGroup(people: readonly Placeable[]): Map<string, Placeable[]> {
  const groups = new Map<string, Placeable[]>();
  for (const p of people) {
    const key = p.groupId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return groups;
}

/**
 * Mixed rooms: people ordered group after group, then dealt round the rooms, so each group's
 * people spread over all rooms and every room gets someone of each group while there are enough.
 */
function mixed(people: readonly Placeable[], count: number): ParticipantId[][] {
  const ordered = [...byGroup(people).values()].flat();
  return deal(ordered, count);
}

/** The rooms' member lists for a split, or why the split does not apply. Empty rooms are dropped. */
export function splitRooms(
  split: RoomSplit,
  people: readonly Placeable[],
  seed: number,
  kept: KeptRooms,
): { ok: true; rooms: ParticipantId[][] } | { ok: false; reason: string } {
  const present = new Set(people.map((p) => p.id));
  let rooms: ParticipantId[][];
  switch (split.kind) {
    case 'byGroup':
      rooms = [...byGroup(people).values()].map((g) => g.map((p) => p.id));
      break;
    case 'mixed':
      rooms = mixed(people, Math.min(split.rooms, Math.max(1, people.length)));
      break;
    case 'random': {
      const count = Math.max(1, Math.round(people.length / split.size));
      rooms = deal(shuffleWithSeed(people, seed), Math.min(count, roomLimits.rooms));
      break;
    }
    case 'manual': {
      const seen = new Set<string>();
      for (const id of split.rooms.flatMap((r) => r.memberIds)) {
        if (!present.has(id)) return { ok: false, reason: 'someone placed in a room is not here' };
        if (seen.has(id)) return { ok: false, reason: 'someone is placed in two rooms' };
        seen.add(id);
      }
      rooms = split.rooms.map((r) => [...r.memberIds]);
      break;
    }
    case 'kept':
      if (kept.length === 0) return { ok: false, reason: 'no rooms were kept' };
      // Those who are here go back to their room; whoever is new stays in the plenary to be placed.
      rooms = kept.map((r) => r.memberIds.filter((id) => present.has(id)));
      break;
  }
  // Rooms made by hand may start empty: the facilitator fills them by moving people in.
  const filled = rooms.filter((r) => r.length > 0 || split.kind === 'manual').slice(0, roomLimits.rooms);
  return filled.length > 0 ? { ok: true, rooms: filled } : { ok: false, reason: 'nobody to place in a room' };
}

/** The room someone is assigned to now, or null in the plenary. */
export function roomOf(breakout: Breakout | null | undefined, participantId: string | null): Room | null {
  if (!breakout || participantId === null) return null;
  return breakout.rooms.find((r) => r.memberIds.some((id) => id === participantId)) ?? null;
}

/** The open room with document number `n`, or null when no such room is open. */
export function openRoom(breakout: Breakout | null | undefined, n: number): Room | null {
  return breakout?.rooms.find((r) => r.n === n) ?? null;
}

/**
 * Learning café rotation: each table's host stays, everyone else moves one table on, so that the
 * guests of a table spread over the other tables. Returns the new member lists.
 */
export function rotateGuests(rooms: readonly Room[]): ParticipantId[][] {
  const guests = rooms.map((r) => r.memberIds.filter((id) => id !== r.hostId));
  return rooms.map((r, i) => {
    const from = guests[(i - 1 + rooms.length) % rooms.length]!;
    return [...(r.hostId ? [r.hostId] : []), ...from];
  });
}

/**
 * The result frame the server places on a room's board when it opens: whatever the room puts in
 * it is copied onto the plenary board when the rooms close. A layout id, so only the facilitator
 * can move or delete it.
 */
export function roomResultFrameId(room: number): string {
  return `${LAYOUT_ID_PREFIX}room-${room}.result`;
}

/** The frame a room's result becomes on the plenary board; the copy's records keep ids derived from this. */
export function plenaryResultFrameId(room: number): string {
  return `${LAYOUT_ID_PREFIX}room-${room}.shared`;
}

/** Where the result frame sits on a room's board: below the room card, where a new board's view opens. */
export const roomResultFrame = { x: 40, y: 240, w: 640, h: 420 } as const;

/** Whether the rooms' countdown is in its last minute: the warning every room sees. */
export const roomWarningMs = 60_000;

/** Labels the server writes on boards, in the group's language. */
export const roomBoardLabels = {
  /** The result frame in a room: its members see from the start that it will be shared. */
  result: {
    en: 'Our result: shared with everyone',
    fi: 'Tuloksemme: näkyy kaikille',
    sv: 'Vårt resultat: visas för alla',
  },
  /** A room's result on the plenary board. */
  shared: {
    en: (name: string) => `Room ${name}`,
    fi: (name: string) => `Huone ${name}`,
    sv: (name: string) => `Rum ${name}`,
  },
} as const;
