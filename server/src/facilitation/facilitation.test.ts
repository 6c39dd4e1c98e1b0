// The facilitation engine's server side against a real server: commands over HTTP with real tokens,
// the session document read by real y-websocket clients, presence from real connections, and what
// those clients' sockets actually receive before and after a reveal or a vote's close.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BOARD_AUTHORS,
  SESSION_MAP,
  SESSION_REACTIONS_KEY,
  SESSION_STATE_KEY,
  formatDocName,
  layoutShapeId,
  sessionVersion,
  type ClientCommand,
  type MeetingId,
  type MyBallotsResponse,
  type ParticipantId,
  type RecentReaction,
  type SessionState,
} from '@vermeboard/shared';
import { frameRecord, noteRecord } from '../board/shapeRecords.js';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import {
  recordsOf,
  received,
  sendCommand,
  sessionOf,
  SessionClients,
  until,
  type Client,
} from './sessionClients.testkit.js';

let server: TestServer;
const clients = new SessionClients(() => server);
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  clients.closeAll();
  await server.close();
});

/** The facilitator and two members (Anna, Ben) and an observer, each with a personal token. */
let g: GroupFixture;
let tokens: { fac: string; anna: string; ben: string; olli: string };
let ids: { fac: ParticipantId; anna: ParticipantId; ben: ParticipantId };
async function setup() {
  g = await createGroupFixture(server);
  tokens = {
    fac: g.facilitator,
    anna: g.members[0]!.participantToken,
    ben: g.members[1]!.participantToken,
    olli: g.observer.participantToken,
  };
  ids = { fac: g.group.participantId, anna: g.members[0]!.participantId, ben: g.members[1]!.participantId };
  return g.meetingId;
}

/** The state as the server holds it. */
function serverState(meetingId: MeetingId): Promise<SessionState> {
  return server.sync.withDoc(formatDocName({ kind: 'session', meetingId }), (doc) =>
    structuredClone(doc.getMap(SESSION_MAP).get(SESSION_STATE_KEY) as SessionState),
  );
}

async function ok(meetingId: MeetingId, token: string, command: ClientCommand) {
  const res = await sendCommand(server, meetingId, token, command);
  expect(res.status, JSON.stringify({ command, body: res.body })).toBe(200);
}

/** Connects everyone's board and waits until all are present in the session. */
async function everyoneOnBoard(meetingId: MeetingId, who: (keyof typeof tokens)[]): Promise<Record<string, Client>> {
  const out: Record<string, Client> = {};
  for (const name of who) out[name] = clients.connect(meetingId, 'board', tokens[name]);
  const present = async () => (await serverState(meetingId)).participants.filter((p) => p.present).length;
  await until(async () => (await present()) === who.length, 'presence');
  return out;
}

/** A running meeting on the check-in round, its first (silent) step, with everyone present. */
async function runningCheckIn(meetingId: MeetingId) {
  const boards = await everyoneOnBoard(meetingId, ['fac', 'anna', 'ben']);
  await ok(meetingId, tokens.fac, { type: 'addAgendaItem', methodId: 'check-in-round' });
  await ok(meetingId, tokens.fac, { type: 'startMeeting' });
  const state = await serverState(meetingId);
  return { boards, instanceId: state.agenda[0]!.instanceId };
}

describe('the session document', () => {
  it('is created with the meeting and read by every participant', async () => {
    const meetingId = await setup();
    const anna = clients.connect(meetingId, 'session', tokens.anna);
    await until(() => anna.provider.synced && sessionOf(anna) !== undefined, 'session');
    expect(sessionOf(anna)).toMatchObject({ status: 'draft', agenda: [] });
  });

  it('keeps an unreadable stored state as it is and refuses changes to it, with a clear error', async () => {
    const meetingId = await setup();
    const unreadable = { version: 99, nonsense: true };
    await server.sync.withDoc(formatDocName({ kind: 'session', meetingId }), (doc) =>
      doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, unreadable),
    );
    const res = await sendCommand(server, meetingId, tokens.fac, { type: 'addAgendaItem', methodId: 'check-in-round' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: expect.stringMatching(/cannot read; it is kept as it was/) });
    // Presence (a connection's join) does not write over it either, nor does ending the meeting.
    clients.connect(meetingId, 'board', tokens.anna);
    const end = await server.api(g.path(`/meetings/${meetingId}/end`), { method: 'POST', token: tokens.fac });
    expect(end.status).toBe(409);
    clients.closeAll();
    server = await server.restart();
    expect(await serverState(meetingId)).toEqual(unreadable);
  });

  it('migrates a session stored by an older server and goes on from it', async () => {
    const meetingId = await setup();
    const v1 = JSON.parse(
      readFileSync(
        new URL('../../../shared/src/persisted/fixtures/session.v1-before-step-log.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, unknown>;
    // The fixture's people become this group's.
    const people: Record<string, string> = {
      pFacilitator0000000001: ids.fac,
      pAnna00000000000000001: ids.anna,
      pBen000000000000000001: ids.ben,
    };
    const json = JSON.stringify(v1).replace(/p[A-Za-z]+0+1/g, (id) => people[id] ?? id);
    await server.sync.withDoc(formatDocName({ kind: 'session', meetingId }), (doc) =>
      doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, JSON.parse(json)),
    );
    await ok(meetingId, tokens.fac, { type: 'nextStep' });
    const state = await serverState(meetingId);
    expect(state).toMatchObject({ version: sessionVersion, position: { agendaIndex: 3, stepIndex: 1 } });
    expect(state.stepLog).toHaveLength(1);
  });

  it('shows a command to every connected client', async () => {
    const meetingId = await setup();
    const anna = clients.connect(meetingId, 'session', tokens.anna);
    const olli = clients.connect(meetingId, 'session', tokens.olli);
    await until(() => anna.provider.synced && olli.provider.synced, 'sync');
    await ok(meetingId, tokens.fac, { type: 'addAgendaItem', methodId: 'check-in-round' });
    await ok(meetingId, tokens.fac, { type: 'startMeeting' });
    for (const c of [anna, olli]) {
      await until(() => sessionOf(c)?.status === 'running', 'the started meeting');
      expect(sessionOf(c)?.position).toEqual({ agendaIndex: 0, stepIndex: 0 });
    }
  });

  it('survives a restart', async () => {
    const meetingId = await setup();
    await runningCheckIn(meetingId);
    await ok(meetingId, tokens.fac, { type: 'nextStep' });
    clients.closeAll();
    server = await server.restart();
    const fresh = clients.connect(meetingId, 'session', tokens.ben);
    await until(() => sessionOf(fresh)?.position?.stepIndex === 1, 'restored session');
    const state = sessionOf(fresh)!;
    expect(state.status).toBe('running');
    // Those who were present before the restart and have not come back are no longer present.
    await ok(meetingId, tokens.fac, { type: 'raiseHand' });
    await until(() => sessionOf(fresh)?.hands.length === 1, 'the hand');
    expect(
      sessionOf(fresh)!
        .participants.filter((p) => p.present)
        .map((p) => p.id),
    ).toEqual([ids.ben]);
  });
});

describe('who may send commands', () => {
  it('refuses facilitator commands from a member and any command from an observer, changing nothing', async () => {
    const meetingId = await setup();
    await runningCheckIn(meetingId);
    await ok(meetingId, tokens.fac, { type: 'startVote', frameShapeId: 'shape:frame', votesPerPerson: 3 });
    const before = await serverState(meetingId);
    const memberRefused: ClientCommand[] = [
      { type: 'nextStep' },
      { type: 'startTimer' },
      { type: 'closeVote', voteId: 'vote-1' },
      { type: 'handOverFacilitation', participantId: ids.anna },
    ];
    for (const command of memberRefused) {
      const res = await sendCommand(server, meetingId, tokens.anna, command);
      expect(res.status, command.type).toBe(403);
      expect(res.body).toMatchObject({ error: expect.any(String) });
    }
    for (const command of [
      { type: 'raiseHand' },
      { type: 'react', reaction: 'heart' },
      { type: 'nextStep' },
    ] as const) {
      expect((await sendCommand(server, meetingId, tokens.olli, command)).status, command.type).toBe(403);
    }
    expect(await serverState(meetingId)).toEqual(before);
  });

  it('refuses link tokens, strangers and malformed commands', async () => {
    const meetingId = await setup();
    const other = await createGroupFixture(server);
    expect((await sendCommand(server, meetingId, g.group.tokens.facilitator, { type: 'startMeeting' })).status).toBe(
      403,
    );
    expect((await sendCommand(server, meetingId, g.group.tokens.member, { type: 'raiseHand' })).status).toBe(403);
    expect((await sendCommand(server, meetingId, undefined, { type: 'raiseHand' })).status).toBe(401);
    expect((await sendCommand(server, meetingId, other.facilitator, { type: 'startMeeting' })).status).toBe(403);
    expect((await sendCommand(server, 'AAAAAAAAAAAAAAAAAAAAAA', tokens.fac, { type: 'startMeeting' })).status).toBe(
      404,
    );
    const bad = await server.api(`/api/meetings/${meetingId}/commands`, {
      token: tokens.fac,
      body: { command: { type: 'nextStep', sneaky: 1 } },
    });
    expect(bad.status).toBe(400);
    // Valid, allowed, but not now: the meeting has not started.
    expect((await sendCommand(server, meetingId, tokens.fac, { type: 'nextStep' })).status).toBe(409);
    expect((await serverState(meetingId)).status).toBe('draft');
  });

  it('moves facilitator powers with a hand-over, whatever the tokens say', async () => {
    const meetingId = await setup();
    await runningCheckIn(meetingId);
    await ok(meetingId, tokens.fac, { type: 'handOverFacilitation', participantId: ids.anna });
    expect((await sendCommand(server, meetingId, tokens.fac, { type: 'nextStep' })).status).toBe(403);
    await ok(meetingId, tokens.anna, { type: 'nextStep' });
    expect((await serverState(meetingId)).facilitatorId).toBe(ids.anna);
  });

  it('limits how fast one participant sends commands', async () => {
    const meetingId = await setup();
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => sendCommand(server, meetingId, tokens.ben, { type: 'lowerHand' })),
    );
    expect(statuses.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    // Someone else is not held back by Ben.
    await ok(meetingId, tokens.anna, { type: 'lowerHand' });
  });

  it('ends the meeting in the group history too', async () => {
    const meetingId = await setup();
    await runningCheckIn(meetingId);
    await ok(meetingId, tokens.fac, { type: 'endMeeting' });
    const meeting = await server.storage.getMeeting(meetingId);
    expect(meeting?.endedAt).toEqual(expect.any(String));
    expect((await sendCommand(server, meetingId, tokens.fac, { type: 'startTimer' })).status).toBe(409);
  });
});

describe('presence', () => {
  it('follows participants’ connections, not link connections', async () => {
    const meetingId = await setup();
    const anna = clients.connect(meetingId, 'board', tokens.anna);
    const annaSession = clients.connect(meetingId, 'session', tokens.anna);
    const ben = clients.connect(meetingId, 'session', tokens.ben);
    clients.connect(meetingId, 'board', g.group.tokens.member);
    const present = async () =>
      (await serverState(meetingId)).participants
        .filter((p) => p.present)
        .map((p) => p.name)
        .sort();
    await until(async () => (await present()).length === 2, 'two present');
    expect(await present()).toEqual(['Anna', 'Ben']);

    // Anna still has her session connection open: she stays.
    clients.disconnect(anna);
    await new Promise((r) => setTimeout(r, 200));
    expect(await present()).toEqual(['Anna', 'Ben']);
    clients.disconnect(annaSession);
    await until(async () => (await present()).length === 1, 'Anna gone');
    expect((await serverState(meetingId)).participants.find((p) => p.id === ids.anna)?.present).toBe(false);
    await until(() => sessionOf(ben)?.participants.find((p) => p.id === ids.anna)?.present === false, 'Ben sees it');
  });
});

describe('secrecy on the wire', () => {
  it('sends nobody a private note before its reveal, then puts it on the board once', async () => {
    const meetingId = await setup();
    const { instanceId } = await runningCheckIn(meetingId);
    const benBoard = clients.connect(meetingId, 'board', tokens.ben);
    const benSession = clients.connect(meetingId, 'session', tokens.ben);
    const facBoard = clients.connect(meetingId, 'board', tokens.fac);
    const annaPrivate = clients.connect(meetingId, `private/${ids.anna}`, tokens.anna);
    await until(() => benBoard.provider.synced && benSession.provider.synced && annaPrivate.provider.synced, 'sync');

    const secret = 'SECRET-mood-of-anna-7f3a';
    const note = noteRecord({
      id: 'shape:anna-note',
      parentId: layoutShapeId(instanceId, 'check-in'),
      x: 0,
      y: 0,
      text: secret,
      meta: { vbPrivate: true, vbAuthor: ids.anna, vbStep: `${instanceId}/silent-prep` },
    });
    annaPrivate.doc.getArray('records').push([{ key: note.id, val: note }]);
    const privateName = formatDocName({ kind: 'private', meetingId, participantId: ids.anna });
    await until(async () => (await server.sync.withDoc(privateName, recordsOf)).has(note.id), 'the note on the server');

    // The round starts; only Anna's own share, on her turn, reveals her note.
    await ok(meetingId, tokens.fac, { type: 'nextStep' });
    await ok(meetingId, tokens.fac, { type: 'giveTurn', participantId: ids.ben });
    await until(() => sessionOf(benSession)?.turns.order.length === 3, 'the round');
    await new Promise((r) => setTimeout(r, 200));
    for (const c of [benBoard, benSession, facBoard]) expect(received(c, secret)).toBe(false);

    await ok(meetingId, tokens.fac, { type: 'giveTurn', participantId: ids.anna });
    // Being given the turn reveals nothing: she could still pass.
    await new Promise((r) => setTimeout(r, 200));
    for (const c of [benBoard, benSession, facBoard]) expect(received(c, secret)).toBe(false);
    await ok(meetingId, tokens.anna, { type: 'shareNotes', speakerId: ids.anna });
    await until(() => recordsOf(benBoard.doc).has(note.id), 'the revealed note');
    const onBoard = recordsOf(benBoard.doc).get(note.id) as { props: object; meta: object };
    expect(JSON.stringify(onBoard.props)).toContain(secret);
    // The recording works: the same bytes do arrive once revealed.
    expect(received(benBoard, secret)).toBe(true);
    expect(onBoard.meta).toEqual({ vbAuthor: ids.anna, vbStep: `${instanceId}/silent-prep` });
    // The summary's authorship: the server records the private document's owner as the author.
    expect(benBoard.doc.getMap(BOARD_AUTHORS).get(note.id)).toBe(ids.anna);
    await until(() => !recordsOf(annaPrivate.doc).has(note.id), 'the note gone from the private document');

    // Revealing again changes nothing: one copy on the board.
    await ok(meetingId, tokens.fac, { type: 'revealNotes', target: { kind: 'participant', participantId: ids.anna } });
    const entries = benBoard.doc
      .getArray<{ key: string }>('records')
      .toArray()
      .filter((e) => e.key === note.id);
    expect(entries).toHaveLength(1);
  });

  it('sends nobody a ballot before the vote closes, and only counts after', async () => {
    const meetingId = await setup();
    await runningCheckIn(meetingId);
    const benSession = clients.connect(meetingId, 'session', tokens.ben);
    const facBoard = clients.connect(meetingId, 'board', tokens.fac);
    await until(() => benSession.provider.synced && facBoard.provider.synced, 'sync');
    const frame = frameRecord({ id: 'shape:ideas', parentId: 'page:page', x: 0, y: 0, w: 800, h: 600, name: 'Ideas' });
    const pick = noteRecord({ id: 'shape:pick-9c1e', parentId: frame.id, x: 20, y: 60, text: 'pick me' });
    const outside = noteRecord({ id: 'shape:stray-4d2b', parentId: 'page:page', x: 900, y: 0, text: 'stray' });
    // A template prompt note inside the frame: part of the layout, not anyone's idea. Only the
    // facilitator may write a layout record.
    const prompt = noteRecord({
      id: layoutShapeId('problem-clinic-4', 'prompt-propose'),
      parentId: frame.id,
      x: 20,
      y: 300,
      text: 'Propose',
    });
    facBoard.doc.getArray('records').push([frame, pick, outside, prompt].map((val) => ({ key: val.id, val })));
    await until(
      async () => (await server.sync.withDoc(formatDocName({ kind: 'board', meetingId }), recordsOf)).has(outside.id),
      'the notes on the server',
    );

    await ok(meetingId, tokens.fac, { type: 'startVote', frameShapeId: frame.id, votesPerPerson: 2 });
    await ok(meetingId, tokens.anna, { type: 'castVote', voteId: 'vote-1', shapeId: pick.id });
    await ok(meetingId, tokens.anna, { type: 'castVote', voteId: 'vote-1', shapeId: pick.id });
    await ok(meetingId, tokens.ben, { type: 'castVote', voteId: 'vote-1', shapeId: pick.id });
    expect(
      (await sendCommand(server, meetingId, tokens.ben, { type: 'castVote', voteId: 'vote-1', shapeId: outside.id }))
        .status,
    ).toBe(409);
    expect(
      (await sendCommand(server, meetingId, tokens.ben, { type: 'castVote', voteId: 'vote-1', shapeId: prompt.id }))
        .status,
    ).toBe(409);

    const mine = async (token: string) =>
      (await server.api(`/api/meetings/${meetingId}/ballots/mine`, { token })).body as MyBallotsResponse;
    expect(await mine(tokens.anna)).toEqual({ votes: { 'vote-1': [pick.id, pick.id] } });
    expect(await mine(tokens.ben)).toEqual({ votes: { 'vote-1': [pick.id] } });
    expect(await mine(tokens.fac)).toEqual({ votes: {} });

    await new Promise((r) => setTimeout(r, 200));
    expect(received(benSession, pick.id)).toBe(false);
    // While open, the vote shows how many have voted — a count, never who or for what.
    expect(sessionOf(benSession)?.votes[0]).toEqual({
      id: 'vote-1',
      frameShapeId: frame.id,
      votesPerPerson: 2,
      status: 'open',
      votedSoFar: 2,
      step: expect.stringMatching(/^check-in-round-\d+\/silent-prep$/) as unknown as string,
    });

    await ok(meetingId, tokens.fac, { type: 'closeVote', voteId: 'vote-1' });
    await until(() => sessionOf(benSession)?.votes[0]?.status === 'closed', 'the closed vote');
    const closed = sessionOf(benSession)!.votes[0]!;
    expect(closed).toEqual({
      id: 'vote-1',
      frameShapeId: frame.id,
      votesPerPerson: 2,
      status: 'closed',
      results: { [pick.id]: 3 },
      voterCount: 2,
      step: expect.stringMatching(/^check-in-round-\d+\/silent-prep$/) as unknown as string,
    });
    expect(JSON.stringify(closed)).not.toContain(ids.anna);
    expect(received(benSession, pick.id)).toBe(true);
    expect(await mine(tokens.anna)).toEqual({ votes: {} });
    expect(await server.storage.loadBallots(meetingId)).toEqual({});
  });
});

describe('cursors in private moments', () => {
  /**
   * A tldraw-like presence whose cursor and selection carry a marker that must not leave the server;
   * the camera (which is relayed) tells which state arrived.
   */
  const presence = (marker: number) => ({
    currentPageId: 'page:page',
    cursor: { x: marker, y: 1, rotation: 0, type: 'default' },
    selectedShapeIds: [`shape:selected-${marker}`],
    camera: { x: 0, y: 0, z: marker / 1000 },
    brush: null,
    scribbles: [],
    chatMessage: '',
  });
  const stateSeenBy = (watcher: Client, author: Client) =>
    watcher.provider.awareness.getStates().get(author.doc.clientID) as
      | {
          user?: { name?: string };
          presence?: { cursor: { x: number } | null; selectedShapeIds: string[]; camera: { z: number } };
        }
      | undefined;

  it('relays nobody’s cursor or selection during a silent step or an open vote, but keeps the names', async () => {
    const meetingId = await setup();
    const { anna, ben, fac } = await everyoneOnBoard(meetingId, ['fac', 'anna', 'ben']);
    await ok(meetingId, tokens.fac, { type: 'addAgendaItem', methodId: 'check-in-round' });
    anna!.provider.awareness.setLocalState({ user: { name: 'Anna' }, presence: presence(101.5) });
    await until(() => stateSeenBy(ben!, anna!)?.presence?.cursor?.x === 101.5, 'a cursor before the meeting starts');

    // The check-in opens with a silent step: the cursor already shown is taken away from everyone.
    await ok(meetingId, tokens.fac, { type: 'startMeeting' });
    await until(() => stateSeenBy(ben!, anna!)?.presence?.cursor === null, 'the shown cursor to be hidden');
    anna!.provider.awareness.setLocalState({ user: { name: 'Anna' }, presence: presence(202.5) });
    await until(() => stateSeenBy(fac!, anna!)?.presence?.camera.z === 0.2025, 'the next state at the facilitator');
    await until(() => stateSeenBy(ben!, anna!)?.presence?.camera.z === 0.2025, 'the next state at Ben');
    for (const watcher of [ben!, fac!]) {
      expect(stateSeenBy(watcher, anna!)).toMatchObject({ user: { name: 'Anna' }, presence: { cursor: null } });
      expect(received(watcher, '202.5')).toBe(false);
      expect(received(watcher, 'shape:selected-202')).toBe(false);
    }

    // The round that follows is spoken: cursors are back.
    await ok(meetingId, tokens.fac, { type: 'nextStep' });
    anna!.provider.awareness.setLocalState({ user: { name: 'Anna' }, presence: presence(303.5) });
    await until(() => stateSeenBy(ben!, anna!)?.presence?.cursor?.x === 303.5, 'the cursor in a spoken step');

    // An open vote hides them again, until it closes.
    await ok(meetingId, tokens.fac, { type: 'startVote', frameShapeId: 'shape:frame', votesPerPerson: 3 });
    await until(() => stateSeenBy(ben!, anna!)?.presence?.cursor === null, 'the cursor hidden for the vote');
    anna!.provider.awareness.setLocalState({ user: { name: 'Anna' }, presence: presence(404.5) });
    await until(() => stateSeenBy(ben!, anna!)?.presence?.camera.z === 0.4045, 'a state during the vote');
    await ok(meetingId, tokens.fac, { type: 'closeVote', voteId: 'vote-1' });
    anna!.provider.awareness.setLocalState({ user: { name: 'Anna' }, presence: presence(505.5) });
    await until(() => stateSeenBy(ben!, anna!)?.presence?.cursor?.x === 505.5, 'the cursor after the vote');
    expect(received(ben!, '404.5')).toBe(false);
  });

  it('shows a person under the name and role the server knows, whatever their state claims', async () => {
    const meetingId = await setup();
    const { anna, ben } = await everyoneOnBoard(meetingId, ['anna', 'ben']);
    anna!.provider.awareness.setLocalState({
      user: { id: ids.fac, name: 'Kaisa', role: 'facilitator', color: '#112233' },
      presence: presence(1),
    });
    await until(() => stateSeenBy(ben!, anna!)?.user !== undefined, 'Anna’s presence');
    expect(stateSeenBy(ben!, anna!)?.user).toEqual({ id: ids.anna, name: 'Anna', role: 'member', color: '#112233' });
  });
});

describe('concurrency and ephemera', () => {
  it('applies commands sent at once one after another', async () => {
    const meetingId = await setup();
    await ok(meetingId, tokens.fac, { type: 'addAgendaItem', methodId: 'check-in-round' });
    await ok(meetingId, tokens.fac, { type: 'startMeeting' });
    await everyoneOnBoard(meetingId, ['fac', 'anna', 'ben']);
    await ok(meetingId, tokens.fac, { type: 'nextStep' });
    const order = (await serverState(meetingId)).turns.order;
    expect(order).toHaveLength(3);

    const sends = [
      ...Array.from({ length: 12 }, () => sendCommand(server, meetingId, tokens.fac, { type: 'nextTurn' })),
      ...(['anna', 'ben'] as const).flatMap((who) =>
        Array.from({ length: 4 }, () => sendCommand(server, meetingId, tokens[who], { type: 'raiseHand' })),
      ),
    ];
    const results = await Promise.all(sends);
    // Three turns and the end of the round; later ones find the round over.
    const turnStatuses = results.slice(0, 12).map((r) => r.status);
    expect(turnStatuses.filter((s) => s === 200)).toHaveLength(order.length + 1);
    expect(turnStatuses.filter((s) => s === 409)).toHaveLength(12 - order.length - 1);
    expect(results.slice(12).every((r) => r.status === 200)).toBe(true);

    const state = await serverState(meetingId);
    expect(state.turns.roundDone).toBe(true);
    expect(state.hands.map((h) => h.participantId).sort()).toEqual([ids.anna, ids.ben].sort());
  });

  it('keeps a bounded list of recent reactions in the session document', async () => {
    const meetingId = await setup();
    const ben = clients.connect(meetingId, 'session', tokens.ben);
    await ok(meetingId, tokens.anna, { type: 'react', reaction: 'clap' });
    await ok(meetingId, tokens.fac, { type: 'react', reaction: 'heart' });
    const reactions = () => ben.doc.getMap(SESSION_MAP).get(SESSION_REACTIONS_KEY) as RecentReaction[] | undefined;
    await until(() => reactions()?.length === 2, 'reactions');
    expect(reactions()).toEqual([
      { seq: 1, participantId: ids.anna, reaction: 'clap', at: expect.any(Number) },
      { seq: 2, participantId: ids.fac, reaction: 'heart', at: expect.any(Number) },
    ]);
  });

  it('tells the time without a token', async () => {
    const before = Date.now();
    const res = await server.api('/api/time');
    expect(res.status).toBe(200);
    const { now } = res.body as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
