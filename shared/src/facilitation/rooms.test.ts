import { describe, expect, it } from 'vitest';
import type { GroupId, MeetingId, ParticipantId } from '../ids.js';
import { docAccess } from '../policy/policy.js';
import type { SessionCommand } from './commands.js';
import { roomOf, rotateGuests, splitRooms, type Placeable } from './rooms.js';
import { createSession, sessionStateSchema, type SessionState } from './session.js';
import { reduce, type Effect } from './sessionReducer.js';

const F = 'facilitator-1' as ParticipantId;
const north = 'group-north' as GroupId;
const south = 'group-south' as GroupId;
const people = ['n1', 'n2', 'n3', 's1', 's2', 's3'].map((id) => ({
  id: `person-${id}` as ParticipantId,
  groupId: id.startsWith('n') ? north : south,
}));
const groupOf = (id: string) => people.find((p) => p.id === id)!.groupId;
const fac = { role: 'facilitator' as const, participantId: F };
const T0 = 1_700_000_000_000;

function apply(state: SessionState, command: SessionCommand, actor: typeof fac | 'server' = fac, now = T0) {
  const result = reduce(state, command, { actor, now, random: () => 0.42 });
  if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
  expect(sessionStateSchema.safeParse(result.state).success).toBe(true);
  return result;
}

/** A running plaza meeting: F facilitates, three people of each of two groups are here. */
function plaza(methodId?: string): SessionState {
  let state = apply(
    createSession(),
    { type: 'join', participantId: F, name: 'Riikka', role: 'facilitator' },
    'server',
  ).state;
  for (const p of people) {
    state = apply(
      state,
      { type: 'join', participantId: p.id, name: p.id, role: 'member', groupId: p.groupId },
      'server',
    ).state;
  }
  state = apply(
    state,
    methodId ? { type: 'addAgendaItem', methodId } : { type: 'applyPreset', presetId: 'meeting-frame' },
  ).state;
  return apply(state, { type: 'startMeeting' }).state;
}

describe('splitting people into rooms', () => {
  const kept: [] = [];
  it('puts each group together', () => {
    const split = splitRooms({ kind: 'byGroup' }, people, 1, kept);
    expect(split).toMatchObject({ ok: true });
    if (!split.ok) return;
    expect(split.rooms).toHaveLength(2);
    for (const room of split.rooms) expect(new Set(room.map(groupOf)).size).toBe(1);
  });

  it('mixes groups in every room', () => {
    const split = splitRooms({ kind: 'mixed', rooms: 3 }, people, 1, kept);
    if (!split.ok) throw new Error(split.reason);
    expect(split.rooms).toHaveLength(3);
    for (const room of split.rooms) expect(new Set(room.map(groupOf)).size).toBe(2);
    expect(split.rooms.flat().sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('draws random rooms of about the size asked, the same for the same seed', () => {
    const a = splitRooms({ kind: 'random', size: 2 }, people, 7, kept);
    const b = splitRooms({ kind: 'random', size: 2 }, people, 7, kept);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.reason);
    expect(a.rooms.map((r) => r.length)).toEqual([2, 2, 2]);
  });

  it('refuses a hand-made split with someone twice or someone absent', () => {
    const [x, y] = people as [Placeable, Placeable];
    expect(
      splitRooms({ kind: 'manual', rooms: [{ memberIds: [x.id] }, { memberIds: [x.id] }] }, people, 1, kept),
    ).toEqual({
      ok: false,
      reason: 'someone is placed in two rooms',
    });
    expect(splitRooms({ kind: 'manual', rooms: [{ memberIds: [y.id] }] }, [x], 1, kept)).toMatchObject({ ok: false });
  });

  it('rotates guests one table on while hosts stay', () => {
    const rooms = [
      { n: 1, name: '1', memberIds: ['h1', 'a', 'b'] as ParticipantId[], hostId: 'h1' as ParticipantId },
      { n: 2, name: '2', memberIds: ['h2', 'c', 'd'] as ParticipantId[], hostId: 'h2' as ParticipantId },
    ];
    expect(rotateGuests(rooms)).toEqual([
      ['h1', 'c', 'd'],
      ['h2', 'a', 'b'],
    ]);
  });
});

describe('room commands', () => {
  const effectsOf = (kind: Effect['kind'], effects: Effect[]) => effects.filter((e) => e.kind === kind);

  it('opens mixed rooms for everyone but the facilitator, with fresh room numbers each time', () => {
    const opened = apply(plaza(), { type: 'openRooms', split: { kind: 'mixed', rooms: 3 }, seconds: 600 });
    const rooms = opened.state.breakout!.rooms;
    expect(rooms.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(roomOf(opened.state.breakout, F)).toBeNull();
    expect(opened.effects).toEqual([{ kind: 'prepareRooms', rooms: [1, 2, 3] }]);
    expect(opened.state.breakout!.timer).toMatchObject({ state: 'running', durationMs: 600_000, startedAt: T0 });

    const closed = apply(opened.state, { type: 'closeRooms' });
    expect(closed.state.breakout).toBeNull();
    expect(closed.effects).toEqual([{ kind: 'copyRoomResults', rooms: rooms.map((r) => ({ n: r.n, name: r.name })) }]);
    expect(closed.state.keptRooms).toEqual(rooms.map((r) => ({ name: r.name, memberIds: r.memberIds })));

    // The kept rooms open again with the same people, on new boards.
    const again = apply(closed.state, { type: 'openRooms', split: { kind: 'kept' }, seconds: 300 });
    expect(again.state.breakout!.rooms.map((r) => r.memberIds)).toEqual(rooms.map((r) => r.memberIds));
    expect(again.state.breakout!.rooms.map((r) => r.n)).toEqual([4, 5, 6]);
  });

  it('moves one person and tells the server to close their old room connection', () => {
    const opened = apply(plaza(), { type: 'openRooms', split: { kind: 'mixed', rooms: 3 }, seconds: 600 }).state;
    const [first, second] = opened.breakout!.rooms;
    const who = first!.memberIds[1]!;
    const moved = apply(opened, { type: 'moveToRoom', participantId: who, room: second!.n });
    expect(roomOf(moved.state.breakout, who)?.n).toBe(second!.n);
    expect(moved.effects).toEqual([{ kind: 'leaveRooms', moves: [{ participantId: who, room: first!.n }] }]);
    const back = apply(moved.state, { type: 'moveToRoom', participantId: who, room: null });
    expect(roomOf(back.state.breakout, who)).toBeNull();
    expect(effectsOf('leaveRooms', back.effects)).toHaveLength(1);
  });

  it('broadcasts a line, extends the countdown and closes the rooms when the meeting ends', () => {
    let state = apply(plaza(), { type: 'openRooms', split: { kind: 'byGroup' }, seconds: 120 }).state;
    state = apply(state, { type: 'broadcastToRooms', text: 'Please write your result in the frame' }).state;
    state = apply(state, { type: 'broadcastToRooms', text: 'Please write your result in the frame' }).state;
    expect(state.breakout!.broadcast).toEqual({ text: 'Please write your result in the frame', seq: 2 });
    state = apply(state, { type: 'adjustRoomTime', seconds: 300 }).state;
    expect(state.breakout!.timer.durationMs).toBe(420_000);
    const ended = apply(state, { type: 'endMeeting' });
    expect(ended.state.breakout).toBeNull();
    expect(effectsOf('copyRoomResults', ended.effects)).toHaveLength(1);
  });

  it('refuses room commands from members', () => {
    const member = { role: 'member' as const, participantId: people[0]!.id };
    const result = reduce(
      plaza(),
      { type: 'openRooms', split: { kind: 'byGroup' }, seconds: 60 },
      {
        actor: member,
        now: T0,
      },
    );
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('who opens a room board', () => {
  it('lets in the room’s people and the facilitator, nobody else, and nobody without a session', () => {
    const state = apply(plaza(), { type: 'openRooms', split: { kind: 'mixed', rooms: 3 }, seconds: 600 }).state;
    const meetingId = 'meeting-1234' as MeetingId;
    const [one, two] = state.breakout!.rooms;
    const doc = { kind: 'room' as const, meetingId, room: one!.n };
    const inside = { role: 'member' as const, participantId: one!.memberIds[0]! };
    const outside = { role: 'member' as const, participantId: two!.memberIds[0]! };
    expect(docAccess(inside, doc, state)).toBe('write');
    expect(docAccess(fac, doc, state)).toBe('write');
    expect(docAccess(outside, doc, state)).toBe('none');
    expect(docAccess({ role: 'observer', participantId: 'observer-1' as ParticipantId }, doc, state)).toBe('none');
    expect(docAccess({ role: 'member', participantId: null }, doc, state)).toBe('none');
    expect(docAccess(inside, doc, null)).toBe('none');
    expect(docAccess(inside, { ...doc, room: 99 }, state)).toBe('none');
  });
});

describe('methods that use rooms', () => {
  /** A plaza meeting running one method from its first step. */
  const running = (methodId: string) => plaza(methodId);

  it('runs a Learning café: mixed tables, two rotations with hosts staying, then everyone back', () => {
    const first = running('learning-cafe');
    const tables = first.breakout!.rooms;
    // Six people at tables of about four: two mixed tables of three.
    expect(tables.map((r) => r.memberIds.length)).toEqual([3, 3]);
    for (const t of tables) expect(new Set(t.memberIds.map(groupOf)).size).toBe(2);
    const hosts = tables.map((t) => t.hostId);

    const second = apply(first, { type: 'nextStep' });
    expect(second.state.breakout!.rooms.map((r) => r.hostId)).toEqual(hosts);
    expect(second.state.breakout!.rooms.map((r) => r.memberIds)).toEqual(rotateGuests(tables));
    // Guests left their table: their room connections close.
    expect(second.effects.filter((e) => e.kind === 'leaveRooms')).toHaveLength(1);
    // Same boards: a table keeps its board across rounds.
    expect(second.state.breakout!.rooms.map((r) => r.n)).toEqual(tables.map((r) => r.n));

    const third = apply(second.state, { type: 'nextStep' }).state;
    expect(third.breakout!.rooms.map((r) => r.memberIds)).toEqual(rotateGuests(second.state.breakout!.rooms));
    expect(third.breakout!.round).toBe(2);

    const harvest = apply(third, { type: 'nextStep' });
    expect(harvest.state.breakout).toBeNull();
    expect(harvest.effects).toContainEqual({
      kind: 'copyRoomResults',
      rooms: tables.map((r) => ({ n: r.n, name: r.name })),
    });
  });

  it('runs 1-2-4-All with real pairs and fours', () => {
    const alone = running('one-two-four-all');
    expect(alone.breakout ?? null).toBeNull();
    const pairs = apply(alone, { type: 'nextStep' }).state;
    expect(pairs.breakout!.rooms.map((r) => r.memberIds.length)).toEqual([2, 2, 2]);
    const fours = apply(pairs, { type: 'nextStep' });
    // The pairs' results are copied before the fours open on new boards.
    expect(fours.effects.map((e) => e.kind)).toEqual(expect.arrayContaining(['copyRoomResults', 'prepareRooms']));
    expect(fours.state.breakout!.rooms.flatMap((r) => r.memberIds)).toHaveLength(6);
    expect(fours.state.breakout!.rooms.length).toBeLessThan(3);
    const all = apply(fours.state, { type: 'nextStep' }).state;
    expect(all.breakout).toBeNull();
  });

  it('opens trios for Troika consulting', () => {
    expect(running('troika-consulting').breakout!.rooms.map((r) => r.memberIds.length)).toEqual([3, 3]);
  });
});
