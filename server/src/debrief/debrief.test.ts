// The debrief against a real server: a scripted meeting run through the command API with real
// y-websocket connections for presence, then its debrief checked against the stored event log and
// the session's own talk time; who may read it and the coaching notes; and the retention purge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  coachesResponseSchema,
  coachSelfResponseSchema,
  debriefResponseSchema,
  inviteCoachResponseSchema,
  meetingEventSchema,
  type ClientCommand,
  type MeetingEvent,
  type MeetingId,
} from '@vermeboard/shared';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { sendCommand, serverSession, SessionClients, until } from '../facilitation/sessionClients.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';

let server: TestServer;
const clients = new SessionClients(() => server);
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  clients.closeAll();
  await server.close();
});

const serverState = (meetingId: MeetingId) => serverSession(server, meetingId);

/** A small pause, so that consecutive commands get distinct server times (the assertions need none). */
const pause = () => new Promise((r) => setTimeout(r, 15));

async function run(g: GroupFixture, token: string, command: ClientCommand) {
  await pause();
  const res = await sendCommand(server, g.meetingId, token, command);
  expect(res.status, JSON.stringify({ command, body: res.body })).toBe(200);
}

/** Runs a check-in round with Kaisa (facilitating), Anna and Ben to its end. */
async function scriptedMeeting() {
  const g = await createGroupFixture(server);
  const fac = g.facilitator;
  const anna = g.members[0]!.participantToken;
  const ben = g.members[1]!.participantToken;
  for (const token of [fac, anna, ben]) clients.connect(g.meetingId, 'board', token);
  await until(
    async () => (await serverState(g.meetingId)).participants.filter((p) => p.present).length === 3,
    'everyone present',
  );
  await run(g, fac, { type: 'addAgendaItem', methodId: 'check-in-round' });
  await run(g, fac, { type: 'startMeeting' });
  await run(g, fac, { type: 'nextStep' }); // the round
  await run(g, fac, { type: 'nextTurn' }); // Kaisa speaks
  await run(g, anna, { type: 'raiseHand' });
  await run(g, fac, { type: 'nextTurn' }); // Anna
  await run(g, fac, { type: 'lowerHand', participantId: g.members[0]!.participantId });
  await run(g, anna, { type: 'passTurn' }); // Anna passes; Ben
  await run(g, ben, { type: 'nextTurn' }); // Ben hands on: the round is done
  await run(g, fac, { type: 'adjustTimer', minutes: 1 });
  await run(g, fac, { type: 'nextStep' }); // themes
  await run(g, fac, { type: 'endMeeting' });
  return g;
}

async function storedEvents(meetingId: MeetingId): Promise<MeetingEvent[]> {
  return (await server.storage.listMeetingEvents(meetingId)).map((e) => meetingEventSchema.parse(e));
}

describe('the debrief of a scripted meeting', () => {
  it('shows step times, turns and the talk-time split as the event log and the session have them', async () => {
    const g = await scriptedMeeting();
    const events = await storedEvents(g.meetingId);
    const res = await server.api(`/api/meetings/${g.meetingId}/debrief`, { token: g.facilitator });
    expect(res.status).toBe(200);
    const { debrief } = debriefResponseSchema.parse(res.body);

    // Steps: the three visits, in order, planned from the method's timeboxes (the round: 2 min a turn
    // × 3 speakers, plus the minute added) and timed from the log's own enter and leave times.
    const entered = events.filter((e) => e.type === 'stepEntered');
    const left = events.filter((e) => e.type === 'stepLeft');
    expect(debrief.steps.map((s) => [s.stepId, s.plannedMs])).toEqual([
      ['silent-prep', 60_000],
      ['round', 7 * 60_000],
      ['themes', 3 * 60_000],
    ]);
    debrief.steps.forEach((s, i) => {
      expect(s.enteredAt).toBe(entered[i]!.at);
      expect(s.leftAt).toBe(left[i]!.at);
      expect(s.actualMs).toBe(left[i]!.at - entered[i]!.at);
      expect(s.overrunMs).toBe(0);
    });
    const ended = events.find((e) => e.type === 'meetingEnded')!;
    expect(debrief.endedAt).toBe(ended.at);
    expect(left[2]!.at).toBe(ended.at);

    // Turns: Kaisa, Anna (passed), Ben, each as long as from its start to the next event that ended it.
    expect(debrief.turns.map((t) => [t.name, t.passed])).toEqual([
      ['Kaisa', false],
      ['Anna', true],
      ['Ben', false],
    ]);
    const starts = events.filter((e) => e.type === 'turnStarted');
    debrief.turns.forEach((t, i) => {
      expect(t.startedAt).toBe(starts[i]!.at);
      expect(t.startedAt).toBeGreaterThanOrEqual(debrief.steps[1]!.enteredAt);
      expect(t.startedAt + t.ms).toBeLessThanOrEqual(debrief.steps[1]!.leftAt);
    });
    expect(debrief.turns[1]!.startedAt).toBe(debrief.turns[0]!.startedAt + debrief.turns[0]!.ms);

    // Talk time: the same split the session counted itself.
    const state = await serverState(g.meetingId);
    expect(Object.fromEntries(debrief.talk.map((t) => [t.participantId, t.ms]))).toEqual(state.talkMs);
    expect(debrief.talk.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1);

    // Anna's hand: raised during Kaisa's turn, lowered by the facilitator during her own.
    expect(debrief.hands).toHaveLength(1);
    const hand = debrief.hands[0]!;
    expect(hand.name).toBe('Anna');
    expect(hand.raisedAt).toBeGreaterThan(debrief.turns[0]!.startedAt);
    expect(hand.loweredAt).toBeGreaterThan(debrief.turns[1]!.startedAt);
    expect(hand.waitedMs).toBe(hand.loweredAt! - hand.raisedAt);

    // The log is in order of time, and nothing else was logged for a step that was not run.
    const times = events.map((e) => e.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(events.filter((e) => e.type === 'timerExtended')).toEqual([
      expect.objectContaining({ type: 'timerExtended', byMs: 60_000 }),
    ]);
  });
});

describe('who sees a debrief and its coaching notes', () => {
  it('lets the facilitator and the coach in, keeps members out, and keeps the coach off the board', async () => {
    const g = await scriptedMeeting();
    const anna = g.members[0]!.participantToken;
    const debriefPath = `/api/meetings/${g.meetingId}/debrief`;

    expect((await server.api(debriefPath, { token: anna })).status).toBe(403);
    expect((await server.api(debriefPath, { token: g.observer.participantToken })).status).toBe(403);
    expect((await server.api(debriefPath)).status).toBe(401);

    // Only the facilitator invites a coach.
    expect((await server.api(g.path('/coaches'), { token: anna, body: { name: 'Tuula' } })).status).toBe(403);
    const invited = await server.api(g.path('/coaches'), { token: g.facilitator, body: { name: 'Tuula' } });
    expect(invited.status).toBe(201);
    const { token: coach, link } = inviteCoachResponseSchema.parse(invited.body);
    expect(link).toBe(`/coach/${coach}`);

    const me = coachSelfResponseSchema.parse((await server.api('/api/coach', { token: coach })).body);
    expect(me.meetings.map((m) => m.id)).toEqual([g.meetingId]);
    expect(me.coachMayShadow).toBe(false);

    const seen = await server.api(debriefPath, { token: coach });
    expect(seen.status).toBe(200);
    const { debrief, mayAddNotes } = debriefResponseSchema.parse(seen.body);
    expect(mayAddNotes).toBe(true);
    const at = debrief.turns[1]!.startedAt;
    const note = await server.api(`/api/meetings/${g.meetingId}/coaching-notes`, {
      token: coach,
      body: { at, text: 'You offered Anna the turn again: good.' },
    });
    expect(note.status).toBe(201);
    // Neither the facilitator nor a member writes coaching notes.
    for (const token of [g.facilitator, anna]) {
      const refused = await server.api(`/api/meetings/${g.meetingId}/coaching-notes`, {
        token,
        body: { at, text: 'mine' },
      });
      expect(refused.status).toBe(403);
    }

    const asFacilitator = debriefResponseSchema.parse((await server.api(debriefPath, { token: g.facilitator })).body);
    expect(asFacilitator.notes).toEqual([expect.objectContaining({ at, coachName: 'Tuula' })]);
    expect(asFacilitator.mayAddNotes).toBe(false);
    const asMember = await server.api(debriefPath, { token: anna });
    expect(asMember.status).toBe(403);
    expect(JSON.stringify(asMember.body)).not.toContain('good.');

    // The coach token is no group token: the group, its summaries, the board and its tickets are shut.
    expect((await server.api(g.path(''), { token: coach })).status).toBe(401);
    expect((await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: coach })).status).toBe(401);
    const ticket = await server.api('/api/sync-tickets', {
      token: coach,
      body: { docName: `meeting/${g.meetingId}/board` },
    });
    expect(ticket.status).toBe(401);

    // Shadowing is the group's choice, off until the facilitator turns it on.
    const coaches = coachesResponseSchema.parse((await server.api(g.path('/coaches'), { token: g.facilitator })).body);
    expect(coaches.coachMayShadow).toBe(false);
    expect(
      (await server.api(g.path('/coaches/shadowing'), { method: 'PUT', token: anna, body: { coachMayShadow: true } }))
        .status,
    ).toBe(403);
    const on = await server.api(g.path('/coaches/shadowing'), {
      method: 'PUT',
      token: g.facilitator,
      body: { coachMayShadow: true },
    });
    expect(on.status).toBe(200);
    expect(coachSelfResponseSchema.parse((await server.api('/api/coach', { token: coach })).body).coachMayShadow).toBe(
      true,
    );

    // A revoked coach is locked out.
    const del = await server.api(g.path(`/coaches/${coaches.coaches[0]!.id}`), {
      method: 'DELETE',
      token: g.facilitator,
    });
    expect(del.status).toBe(200);
    expect((await server.api(debriefPath, { token: coach })).status).toBe(401);
  });

  it('refuses a debrief before the meeting ends, and has none after the retention purge', async () => {
    const g = await createGroupFixture(server);
    const path = `/api/meetings/${g.meetingId}/debrief`;
    expect((await server.api(path, { token: g.facilitator })).status).toBe(403);
    const end = await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator });
    expect(end.status).toBe(200);
    expect((await server.api(path, { token: g.facilitator })).status).toBe(200);
    expect((await server.storage.listMeetingEvents(g.meetingId)).length).toBeGreaterThan(0);
    const retention = await server.api(g.path('/retention'), {
      method: 'PUT',
      token: g.facilitator,
      body: { deleteBoardsAfterDays: 1 },
    });
    expect(retention.status).toBe(200);
    await server.storage.purgeExpiredMeetings(new Date(Date.now() + 3 * 24 * 3600 * 1000));
    expect((await server.api(path, { token: g.facilitator })).status).toBe(404);
    expect(await server.storage.listMeetingEvents(g.meetingId)).toEqual([]);
  });
});
