// The summary of a Troika consulting run in breakout rooms: each room chose its own client, and the
// summary names them room by room (the rooms' boards stay out of it; only the plenary board is read),
// with the ideas each room's client starred in the room's result, copied onto the plenary board.
import { describe, expect, it } from 'vitest';
import { toRichText } from '@tldraw/tlschema';
import {
  createSession,
  plenaryResultFrameId,
  type NoteMarks,
  reduce,
  type GroupId,
  type MeetingId,
  type ParticipantId,
  type SessionCommand,
  type SessionState,
} from '@vermeboard/shared';
import { BoardShapes } from './boardShapes.js';
import { buildSummary } from './buildSummary.js';

const F = 'p-kaisa-0001' as ParticipantId;
const A = 'p-anna-00001' as ParticipantId;
const B = 'p-ben-000001' as ParticipantId;
const C = 'p-cara-00001' as ParticipantId;
const D = 'p-dan-000001' as ParticipantId;
const names = { [F]: 'Kaisa', [A]: 'Anna', [B]: 'Ben', [C]: 'Cara', [D]: 'Dan' };

function apply(state: SessionState, participantId: ParticipantId | 'server', ...commands: SessionCommand[]) {
  return commands.reduce((s, command) => {
    const actor =
      participantId === 'server'
        ? 'server'
        : ({ participantId, role: participantId === F ? 'facilitator' : 'member' } as const);
    const result = reduce(s, command, { actor, now: 1_700_000_000_000 });
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    return result.state;
  }, state);
}

/** A note on the plenary board inside room n's copied result frame, with its marks. */
function copiedNote(n: number, id: string, text: string, marks: NoteMarks) {
  const record = {
    id,
    typeName: 'shape',
    type: 'note',
    parentId: plenaryResultFrameId(n),
    x: 20,
    y: 20,
    props: { richText: toRichText(text) },
  };
  return { record, marks };
}

function summaryOf(session: SessionState, notes: ReturnType<typeof copiedNote>[] = []) {
  const createdAt = '2026-03-14T15:00:00.000Z';
  return buildSummary({
    groupName: 'North',
    meeting: {
      id: 'meeting-0001' as MeetingId,
      groupId: 'g-north' as GroupId,
      createdAt,
      facilitatedBy: F,
      endedAt: '2026-03-14T16:00:00.000Z',
      boardDeletedAt: null,
    },
    session,
    shapes: new BoardShapes({
      records: new Map<string, unknown>([
        ...notes.map((n): [string, unknown] => [
          n.record.parentId,
          { id: n.record.parentId, typeName: 'shape', type: 'frame', parentId: 'page:page', x: 0, y: 0, props: {} },
        ]),
        ...notes.map((n): [string, unknown] => [n.record.id, n.record]),
      ]),
      marks: new Map(notes.map((n) => [n.record.id, n.marks])),
    }),
    participants: [],
    goals: [],
    actionItems: [],
  });
}

describe('the summary of cases worked on in rooms', () => {
  it('names each room’s case owner, and the plenary’s as before', () => {
    let state = apply(
      createSession(),
      'server',
      ...(Object.entries(names) as [ParticipantId, string][]).map(([participantId, name]): SessionCommand => ({
        type: 'join',
        participantId,
        name,
        role: participantId === F ? 'facilitator' : 'member',
      })),
    );
    state = apply(state, F, { type: 'addAgendaItem', methodId: 'troika-consulting' }, { type: 'startMeeting' });
    if (state.breakout) state = apply(state, F, { type: 'closeRooms' });
    state = apply(state, F, {
      type: 'openRooms',
      split: { kind: 'manual', rooms: [{ memberIds: [A, B] }, { memberIds: [C, D] }] },
      seconds: 600,
    });
    const [first, second] = state.breakout!.rooms.map((r) => r.n);
    state = apply(state, B, { type: 'chooseCaseOwner', participantId: A, room: first });
    state = apply(state, C, { type: 'chooseCaseOwner', participantId: D, room: second });
    state = apply(state, F, { type: 'endMeeting' });

    const [troika] = summaryOf(state).cases;
    expect(troika).toMatchObject({
      owner: null,
      roomOwners: [
        { room: '1', owner: { id: A, name: 'Anna' } },
        { room: '2', owner: { id: D, name: 'Dan' } },
      ],
    });
    // The ideas each room's client starred in the room, copied with the room's result; a star by
    // anyone else there is not the client's.
    const withIdeas = summaryOf(state, [
      copiedNote(first!, 'shape:room-1.idea', 'Ask the team first', { starredBy: A }),
      copiedNote(second!, 'shape:room-2.idea', 'Write it down', { starredBy: D }),
      copiedNote(second!, 'shape:room-2.other', 'Starred by someone else', { starredBy: A }),
      copiedNote(first!, 'shape:room-1.plain', 'Not starred', {}),
    ]);
    expect(withIdeas.cases[0]!.starredIdeas).toEqual(['Ask the team first', 'Write it down']);
    // Without rooms' choices the case reads as it always did, with no room list at all.
    const plenary = summaryOf({ ...state, roomCaseOwners: {}, caseOwners: { [state.agenda[0]!.instanceId]: B } });
    expect(plenary.cases[0]!.owner).toEqual({ id: B, name: 'Ben' });
    expect(plenary.cases[0]).not.toHaveProperty('roomOwners');
  });
});
