// A rehearsal against a real server: the facilitator drives a short agenda by commands while five
// simulated participants (real y-websocket and HTTP clients the server runs) write privately, take
// and pass turns, write on the board and vote; then the real group's history, members and program
// figures show nothing of it, and a moment after its end its tokens and documents are gone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createGroupResponseSchema,
  currentSpeaker,
  groupResponseSchema,
  layoutShapeId,
  programResponseSchema,
  startRehearsalResponseSchema,
  type GroupId,
  type ParticipantId,
  type SessionState,
} from '@vermeboard/shared';
import { hashToken, randomId, randomToken } from '../auth/tokens.js';
import { readRecords } from '../facilitation/boardRecords.js';
import { sendCommand, serverSession, until } from '../facilitation/sessionClients.testkit.js';
import { seedProgram, type SeededProgram } from '../seed/programSeed.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { SessionClients } from '../facilitation/sessionClients.testkit.js';

let server: TestServer;
let seeded: SeededProgram;
let realGroup: GroupId;
let realToken: string;
const clients = new SessionClients(() => server);

beforeAll(async () => {
  server = await startTestServer({ REHEARSAL_KEEP_ENDED_SECONDS: '2' });
  seeded = await seedProgram(server.storage);
  realGroup = seeded.groups[0]!.groupId;
  // The seeded group's facilitator, with a token this test holds.
  realToken = randomToken();
  await server.storage.createParticipant(
    {
      id: randomId() as ParticipantId,
      groupId: realGroup,
      role: 'facilitator',
      displayName: 'Kaisa',
      createdAt: new Date().toISOString(),
    },
    hashToken(realToken),
  );
});
afterAll(async () => {
  clients.closeAll();
  await server.close();
});

const long = 60_000;

it(
  'runs a short agenda with five bots to its end, and leaves the real group untouched',
  { timeout: 180_000 },
  async () => {
    const before = await server.api(`/api/groups/${realGroup}/meetings`, { token: realToken });
    const figuresBefore = programResponseSchema.parse(
      (await server.api(`/api/programs/${seeded.programId}`, { token: seeded.coordinatorToken })).body,
    );

    const started = await server.api(`/api/groups/${realGroup}/rehearsals`, {
      token: realToken,
      body: { agenda: { kind: 'methods', methodIds: ['check-in-round', 'problem-clinic'] }, bots: 5, speed: 10 },
    });
    expect(started.status).toBe(201);
    const r = startRehearsalResponseSchema.parse(started.body);
    expect(r.groupId).not.toBe(realGroup);
    const again = await server.api(`/api/groups/${realGroup}/rehearsals`, {
      token: realToken,
      body: { agenda: { kind: 'preset', presetId: 'meeting-frame' }, bots: 3, speed: 1 },
    });
    expect(again.status).toBe(409);

    const group = groupResponseSchema.parse(
      (await server.api(`/api/groups/${r.groupId}`, { token: r.participantToken })).body,
    );
    expect(group.rehearsal).toEqual({ ofGroupId: realGroup, speed: 10, bots: 5 });

    // The facilitator's own browser: here a session connection, so that they count as present.
    clients.connect(r.meetingId, 'session', r.participantToken);
    const session = () => serverSession(server, r.meetingId);
    const command = async (c: Parameters<typeof sendCommand>[3]) => {
      const res = await sendCommand(server, r.meetingId, r.participantToken, c);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const bots = async () => (await session()).participants.filter((p) => p.id !== r.participantId);
    await until(async () => (await bots()).filter((p) => p.present).length === 5, 'five bots present', long);
    const botIds = (await bots()).map((p) => p.id);

    // Timeboxes are a tenth: the check-in round's silent minute is planned as 10 s (the floor).
    const draft = await session();
    expect(draft.stepDurations?.['check-in-round-1/silent-prep']).toBe(10);
    expect(draft.stepDurations?.['check-in-round-1/round']).toBe(72); // 2 min × 6 speakers / 10

    await command({ type: 'startMeeting' });
    // Silent prep: every bot writes a private note and says it is done.
    await until(async () => (await session()).done.length === 5, 'every bot done', long);
    for (const id of botIds) {
      const notes = await server.sync.withDoc(`meeting/${r.meetingId}/private/${id}`, (d) => readRecords(d));
      expect(notes.size, `private notes of ${id}`).toBeGreaterThan(0);
    }

    // The round: bots share and hand on, or pass; the facilitator takes their own turn.
    await command({ type: 'nextStep' });
    await until(
      async () => {
        const s = await session();
        // The facilitator starts the round, and hands on when it is their own turn.
        const starting = s.turns.currentIndex === null && !s.turns.roundDone;
        if (starting || currentSpeaker(s) === r.participantId) {
          await sendCommand(server, r.meetingId, r.participantToken, { type: 'nextTurn' });
        }
        return s.turns.roundDone;
      },
      'the round to end',
      long * 2,
    );
    const round: SessionState = await session();
    expect((round.turns.shared ?? []).length + round.turns.passed.length).toBe(5);
    expect(Object.keys(round.turns.talkMs).length).toBeGreaterThanOrEqual(5);

    // Problem clinic, choosing a case: bots propose cases on the board, then vote with two dots each.
    await command({ type: 'gotoStep', agendaIndex: 1, stepIndex: 0 });
    const queue = layoutShapeId('problem-clinic-2', 'case-queue');
    const proposals = async () =>
      [...(await server.sync.withDoc(`meeting/${r.meetingId}/board`, (d) => readRecords(d))).values()].filter(
        (v) =>
          (v as { parentId?: string; id?: string }).parentId === queue && !(v as { id: string }).id.includes('layout'),
      );
    await until(async () => (await proposals()).length >= 2, 'case proposals on the board', long);
    await command({ type: 'startVote', frameShapeId: queue, votesPerPerson: 2 });
    await until(async () => (await session()).votes[0]?.votedSoFar === 5, 'five bots voted', long);
    const voteId = (await session()).votes[0]!.id;
    await command({ type: 'closeVote', voteId });
    const closed = (await session()).votes[0]!;
    expect(closed.voterCount).toBe(5);
    // Each bot's second dot may still be on its way when the vote closes: between one and two each.
    const dots = Object.values(closed.results ?? {}).reduce((a, b) => a + b, 0);
    expect(dots).toBeGreaterThanOrEqual(5);
    expect(dots).toBeLessThanOrEqual(10);

    await command({ type: 'endMeeting' });
    await until(async () => (await bots()).every((p) => !p.present), 'the bots to leave', long);

    // Nothing of it in the real group: history, members, figures.
    const after = await server.api(`/api/groups/${realGroup}/meetings`, { token: realToken });
    expect(after.body).toEqual(before.body);
    const members = (await server.api(`/api/groups/${realGroup}/participants`, { token: realToken })).body as {
      members: { displayName: string }[];
    };
    expect(members.members.map((m) => m.displayName)).not.toContain('Alex');
    expect(members.members).toHaveLength(seeded.groups[0]!.people.length + 1);
    const figuresAfter = programResponseSchema.parse(
      (await server.api(`/api/programs/${seeded.programId}`, { token: seeded.coordinatorToken })).body,
    );
    expect(figuresAfter.groups).toEqual(figuresBefore.groups);
    const real = groupResponseSchema.parse((await server.api(`/api/groups/${realGroup}`, { token: realToken })).body);
    expect(real.runningMeetingId).toBeNull();
    expect(real.rehearsal).toBeUndefined();

    // A moment later the rehearsal's tokens are dead and its documents deleted.
    await until(
      async () => (await server.api(`/api/groups/${r.groupId}`, { token: r.participantToken })).status === 401,
      'the rehearsal token to die',
      long,
    );
    await until(
      async () => (await server.storage.getMeeting(r.meetingId))?.boardDeletedAt != null,
      'the board purged',
      long,
    );
    expect(await server.storage.loadUpdates(`meeting/${r.meetingId}/board`)).toEqual([]);

    // The next rehearsal may start.
    const next = await server.api(`/api/groups/${realGroup}/rehearsals`, {
      token: realToken,
      body: { agenda: { kind: 'preset', presetId: 'meeting-frame' }, bots: 3, speed: 5 },
    });
    expect(next.status).toBe(201);
  },
);

it('refuses more than eight bots, unknown speeds and unknown methods', async () => {
  const body = (extra: object) => ({
    agenda: { kind: 'preset', presetId: 'meeting-frame' },
    bots: 5,
    speed: 10,
    ...extra,
  });
  expect(
    (await server.api(`/api/groups/${realGroup}/rehearsals`, { token: realToken, body: body({ bots: 9 }) })).status,
  ).toBe(400);
  expect(
    (await server.api(`/api/groups/${realGroup}/rehearsals`, { token: realToken, body: body({ speed: 3 }) })).status,
  ).toBe(400);
  const unknown = body({ agenda: { kind: 'methods', methodIds: ['no-such-method'] } });
  expect((await server.api(`/api/groups/${realGroup}/rehearsals`, { token: realToken, body: unknown })).status).toBe(
    400,
  );
});

it('ends a rehearsal whose facilitator never comes, and its bots leave', { timeout: 60_000 }, async () => {
  const away = await startTestServer({ REHEARSAL_FACILITATOR_AWAY_SECONDS: '3', REHEARSAL_KEEP_ENDED_SECONDS: '600' });
  try {
    const token = createGroupResponseSchema.parse(
      (await away.api('/api/groups', { body: { name: 'Away', facilitatorName: 'Kaisa' } })).body,
    );
    const started = await away.api(`/api/groups/${token.groupId}/rehearsals`, {
      token: token.participantToken,
      body: { agenda: { kind: 'methods', methodIds: ['check-in-round'] }, bots: 3, speed: 10 },
    });
    expect(started.status).toBe(201);
    const r = startRehearsalResponseSchema.parse(started.body);
    const state = () => serverSession(away, r.meetingId);
    await until(async () => (await state()).participants.filter((p) => p.present).length === 3, 'three bots', long);
    await until(async () => (await state()).status === 'ended', 'the rehearsal to end', long);
    await until(async () => (await state()).participants.every((p) => !p.present), 'the bots to leave', long);
    // The group may rehearse again.
    const again = await away.api(`/api/groups/${token.groupId}/rehearsals`, {
      token: token.participantToken,
      body: { agenda: { kind: 'methods', methodIds: ['check-in-round'] }, bots: 3, speed: 10 },
    });
    expect(again.status).toBe(201);
  } finally {
    await away.close();
  }
});

it('discards a rehearsal that a restart cut short, once the server is back', { timeout: 90_000 }, async () => {
  let restarted = await startTestServer({ REHEARSAL_KEEP_ENDED_SECONDS: '600' });
  try {
    const group = createGroupResponseSchema.parse(
      (await restarted.api('/api/groups', { body: { name: 'Cut short', facilitatorName: 'Kaisa' } })).body,
    );
    const started = await restarted.api(`/api/groups/${group.groupId}/rehearsals`, {
      token: group.participantToken,
      body: { agenda: { kind: 'methods', methodIds: ['check-in-round'] }, bots: 3, speed: 10 },
    });
    expect(started.status).toBe(201);
    const r = startRehearsalResponseSchema.parse(started.body);
    await until(
      async () => (await serverSession(restarted, r.meetingId)).participants.filter((p) => p.present).length === 3,
      'three bots',
      long,
    );
    expect(await restarted.storage.listUndiscardedRehearsals()).toEqual([
      { groupId: r.groupId, realGroupId: group.groupId, meetingId: r.meetingId, startedAt: expect.any(String) },
    ]);

    // The process goes away mid-rehearsal; a new one on the same data finds it in the store.
    restarted = await restarted.restart();
    await until(
      async () => (await restarted.storage.listUndiscardedRehearsals()).length === 0,
      'the rehearsal discarded',
      long,
    );
    expect((await restarted.storage.getMeeting(r.meetingId))?.endedAt).not.toBeNull();
    expect((await restarted.api(`/api/groups/${r.groupId}`, { token: r.participantToken })).status).toBe(401);
    const people = await restarted.storage.listParticipants(r.groupId);
    // The facilitator and the three bots, every one removed.
    expect(people).toHaveLength(4);
    expect(people.every((p) => p.removedAt !== null)).toBe(true);
    expect(await restarted.storage.loadUpdates(`meeting/${r.meetingId}/board`)).toEqual([]);
    // The real group may rehearse again, and its history holds none of it.
    const again = await restarted.api(`/api/groups/${group.groupId}/rehearsals`, {
      token: group.participantToken,
      body: { agenda: { kind: 'methods', methodIds: ['check-in-round'] }, bots: 3, speed: 10 },
    });
    expect(again.status).toBe(201);
  } finally {
    await restarted.close();
  }
});
