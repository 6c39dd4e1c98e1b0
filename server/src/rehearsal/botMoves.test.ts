import { describe, expect, it } from 'vitest';
import { reduce, serverActor, type ParticipantId, type SessionCommand, type SessionState } from '@vermeboard/shared';
import { createSession } from '@vermeboard/shared';
import { movesFor, stillApplies } from './botMoves.js';

const kaisa = 'kaisa-0000000001' as ParticipantId;
const bot = 'bot-000000000001' as ParticipantId;

function run(commands: { as: ParticipantId | 'server'; command: SessionCommand }[]): SessionState {
  let state = createSession();
  let now = 1_000_000;
  for (const { as, command } of commands) {
    const actor =
      as === 'server'
        ? serverActor
        : { groupId: 'g', role: as === kaisa ? 'facilitator' : 'member', participantId: as, tokenHash: as };
    const result = reduce(state, command, { actor: actor as never, now: (now += 1000), random: () => 0.5 });
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    state = result.state;
  }
  return state;
}

const joined = [
  {
    as: 'server' as const,
    command: { type: 'join', participantId: kaisa, name: 'Kaisa', role: 'facilitator' } as const,
  },
  { as: 'server' as const, command: { type: 'join', participantId: bot, name: 'Alex', role: 'member' } as const },
  { as: kaisa, command: { type: 'addAgendaItem', methodId: 'check-in-round' } as const },
  { as: kaisa, command: { type: 'startMeeting' } as const },
];

describe('a simulated participant’s moves', () => {
  it('writes privately and says it is done in a silent step', () => {
    const state = run(joined);
    const moves = movesFor(state, bot, () => 0.5);
    expect(moves.map((m) => m.move.kind)).toEqual(['writePrivate', 'markDone']);
    expect(moves[0]!.move).toEqual({ kind: 'writePrivate', frameId: expect.stringMatching(/^shape:layout\./) });
  });

  it('takes its turn only while it is the speaker, and shares in a check-in round', () => {
    const round = run([
      ...joined,
      { as: kaisa, command: { type: 'nextStep' } },
      { as: kaisa, command: { type: 'nextTurn' } },
    ]);
    const speaker = round.turns.order[round.turns.currentIndex!];
    const mine = movesFor(round, speaker!, () => 0.9);
    expect(mine.map((m) => m.move)).toEqual([{ kind: 'takeTurn', pass: false, share: true }]);
    const passing = movesFor(round, speaker!, () => 0.1);
    expect(passing.map((m) => m.move)).toEqual([{ kind: 'takeTurn', pass: true, share: false }]);
    const other = speaker === bot ? kaisa : bot;
    expect(movesFor(round, other, () => 0.9)).toEqual([]);
    // After the turn moved on, the speaker's planned move no longer applies.
    const moved = run([
      ...joined,
      { as: kaisa, command: { type: 'nextStep' } },
      { as: kaisa, command: { type: 'nextTurn' } },
      { as: kaisa, command: { type: 'nextTurn' } },
    ]);
    expect(stillApplies(moved, speaker!, mine[0]!)).toBe(false);
  });

  it('consults for its own room’s client in Troika rooms, and only listens as the client', () => {
    const other = 'bot-000000000002' as ParticipantId;
    const inRooms: Parameters<typeof run>[0] = [
      ...joined.slice(0, 2),
      { as: 'server', command: { type: 'join', participantId: other, name: 'Sam', role: 'member' } },
      { as: kaisa, command: { type: 'addAgendaItem', methodId: 'troika-consulting' } },
      { as: kaisa, command: { type: 'startMeeting' } },
      { as: kaisa, command: { type: 'closeRooms' } },
      {
        as: kaisa,
        command: {
          type: 'openRooms',
          split: { kind: 'manual', rooms: [{ memberIds: [bot] }, { memberIds: [other] }] },
          seconds: 600,
        },
      },
    ];
    const room = run(inRooms).breakout!.rooms[0]!.n;
    const state = run([
      ...inRooms,
      { as: bot, command: { type: 'chooseCaseOwner', participantId: bot, room } },
      { as: kaisa, command: { type: 'gotoStep', agendaIndex: 0, stepIndex: 3 } },
    ]);
    expect(movesFor(state, bot, () => 0.1).map((m) => m.move.kind)).toEqual(['raiseHand']);
    expect(movesFor(state, other, () => 0.1).map((m) => m.move.kind)).toEqual(['writeBoard', 'raiseHand']);
  });

  it('plans nothing before the meeting starts', () => {
    expect(movesFor(run(joined.slice(0, 3)), bot, () => 0.5)).toEqual([]);
  });
});
