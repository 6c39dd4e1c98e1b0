// Ending a meeting against a real server: real y-websocket clients write the board the way the
// browsers' YKeyValue does, the facilitator runs a goal recap and a reflection with a dot vote, and
// ending the meeting (command or group route) writes the summary, the goals' progress notes and the
// action items — once, however often the meeting is ended.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BOARD_RECORDS,
  layoutShapeId,
  type ActionItemsResponse,
  type ClientCommand,
  type Goal,
  type MeetingId,
  type MeetingSummaryResponse,
  type ProgressNotesResponse,
} from '@vermeboard/shared';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { noteRecord } from '../board/shapeRecords.js';
import {
  recordsOf,
  sendCommand,
  sessionOf,
  SessionClients,
  until,
  type Client,
} from '../facilitation/sessionClients.testkit.js';

let server: TestServer;
const clients = new SessionClients(() => server);
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  clients.closeAll();
  await server.close();
});

/** Writes records the way a browser's YKeyValue does: one `{ key, val }` entry per record. */
function write(client: Client, ...records: { id: string }[]): void {
  client.doc.transact(() => {
    client.doc.getArray<{ key: string; val: unknown }>(BOARD_RECORDS).push(records.map((r) => ({ key: r.id, val: r })));
  });
}

const note = (id: string, parentId: string, x: number, y: number, text: string, meta = {}) =>
  noteRecord({ id, parentId, x, y, text, meta });

async function ok(meetingId: MeetingId, token: string, command: ClientCommand) {
  const res = await sendCommand(server, meetingId, token, command);
  expect(res.status, JSON.stringify({ command, body: res.body })).toBe(200);
}

let g: GroupFixture;

/** Two goals; the facilitator, Anna and Ben on the board; goal recap and reflection run, with a vote. */
async function runMeeting(): Promise<{ goals: Goal[]; boards: Record<'fac' | 'anna' | 'ben', Client> }> {
  g = await createGroupFixture(server);
  const tokens = { fac: g.facilitator, anna: g.members[0]!.participantToken, ben: g.members[1]!.participantToken };
  const ids = { anna: g.members[0]!.participantId, ben: g.members[1]!.participantId };
  const goals: Goal[] = [];
  for (const text of ['Win a grant', 'Delegate more']) {
    const res = await server.api(g.path('/goals'), { token: g.facilitator, body: { text } });
    expect(res.status).toBe(201);
    goals.push(res.body as Goal);
  }
  const m = g.meetingId;
  const boards = {
    fac: clients.connect(m, 'board', tokens.fac),
    anna: clients.connect(m, 'board', tokens.anna),
    ben: clients.connect(m, 'board', tokens.ben),
  };
  const session = clients.connect(m, 'session', tokens.fac);
  await until(() => (sessionOf(session)?.participants.filter((p) => p.present).length ?? 0) === 3, 'presence');

  await ok(m, tokens.fac, { type: 'addAgendaItem', methodId: 'goal-recap' });
  await ok(m, tokens.fac, { type: 'addAgendaItem', methodId: 'reflection' });
  await ok(m, tokens.fac, { type: 'startMeeting' });

  // The server placed the goal recap's layout when the step began: the goals frame, one card per goal.
  const recap = (id: string) => layoutShapeId('goal-recap-1', id);
  await until(() => recordsOf(boards.anna.doc).has(recap('goal-2')), 'the goal cards');
  expect(recordsOf(boards.anna.doc).get(recap('goal-1'))).toMatchObject({ meta: { vbGoalId: goals[0]!.id } });
  await ok(m, tokens.fac, { type: 'nextStep' });
  // Progress round: Anna under the second goal, Ben under the first (a little off to the side).
  write(
    boards.anna,
    note('shape:anna-progress', recap('goals'), 1050, 400, 'Handed the budget to Ben', { vbAuthor: ids.anna }),
  );
  write(boards.ben, note('shape:ben-progress', recap('goals'), 380, 300, 'Draft is out for comments'));
  await ok(m, tokens.fac, { type: 'nextStep' });
  await ok(m, tokens.fac, { type: 'nextStep' });

  // Reflection: three columns with notes, one vote on the first column.
  const refl = (id: string) => layoutShapeId('reflection-2', id);
  await until(() => recordsOf(boards.anna.doc).has(refl('now-what')), 'the reflection columns');
  write(
    boards.anna,
    note('shape:fact-1', refl('what'), 30, 60, 'We heard two cases', { vbAuthor: ids.anna }),
    note('shape:fact-2', refl('what'), 30, 300, 'Ben chaired well', { vbAuthor: ids.anna }),
    note('shape:meaning', refl('so-what'), 30, 60, 'Funding is the shared worry', { vbAuthor: ids.anna }),
    note('shape:action-column', refl('now-what'), 30, 60, 'Ask Liisa about the call', { vbAuthor: ids.anna }),
  );
  write(boards.ben, note('shape:action-marked', 'page:page', 3000, 3000, 'Book the next room', { vbAuthor: ids.ben }));
  await until(
    async () => (await server.sync.withDoc(`meeting/${m}/board`, recordsOf)).has('shape:action-marked'),
    'the notes on the server',
  );
  await ok(m, tokens.ben, {
    type: 'markAction',
    shapeId: 'shape:action-marked',
    action: { ownerParticipantId: ids.anna, dueDate: '2026-04-01' },
  });
  await ok(m, tokens.fac, { type: 'nextStep' });
  await ok(m, tokens.fac, { type: 'startVote', frameShapeId: refl('what'), votesPerPerson: 2 });
  const state = () => sessionOf(session);
  const voteId = state()?.votes[0]?.id ?? 'vote-1';
  await until(() => state()?.votes.length === 1, 'the vote');
  await ok(m, tokens.anna, { type: 'castVote', voteId, shapeId: 'shape:fact-2' });
  await ok(m, tokens.ben, { type: 'castVote', voteId, shapeId: 'shape:fact-2' });
  await ok(m, tokens.ben, { type: 'castVote', voteId, shapeId: 'shape:fact-1' });
  await ok(m, tokens.fac, { type: 'closeVote', voteId });
  return { goals, boards };
}

async function summaryOf(token: string): Promise<MeetingSummaryResponse['summary']> {
  const res = await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as MeetingSummaryResponse).summary;
}

describe('meeting summary', () => {
  it('is written when the facilitator ends the meeting, and ending again adds nothing twice', async () => {
    const { goals } = await runMeeting();
    expect((await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: g.facilitator })).status).toBe(404);
    await ok(g.meetingId, g.facilitator, { type: 'endMeeting' });

    const summary = await summaryOf(g.observer.participantToken);
    expect(summary.facilitator?.name).toBe('Kaisa');
    expect(summary.attendees.map((a) => a.name)).toEqual(['Kaisa', 'Anna', 'Ben']);
    expect(summary.reflections).toEqual([
      {
        instanceId: 'reflection-2',
        what: ['We heard two cases', 'Ben chaired well'],
        soWhat: ['Funding is the shared worry'],
        nowWhat: ['Ask Liisa about the call'],
      },
    ]);
    expect(summary.votes).toEqual([
      {
        voteId: 'vote-1',
        frameName: 'What? — facts',
        voterCount: 2,
        results: [
          { shapeId: 'shape:fact-2', text: 'Ben chaired well', count: 2 },
          { shapeId: 'shape:fact-1', text: 'We heard two cases', count: 1 },
        ],
      },
    ]);
    expect(summary.goals).toEqual([
      {
        goalId: goals[0]!.id,
        text: 'Win a grant',
        progress: [{ authorName: 'Ben', text: 'Draft is out for comments' }],
      },
      {
        goalId: goals[1]!.id,
        text: 'Delegate more',
        progress: [{ authorName: 'Anna', text: 'Handed the budget to Ben' }],
      },
    ]);
    expect(summary.actionItems.map((a) => [a.text, a.ownerName, a.dueDate]).sort()).toEqual([
      ['Ask Liisa about the call', 'Anna', null],
      ['Book the next room', 'Anna', '2026-04-01'],
    ]);
    // The agenda as run: every step of both items entered, with its time.
    const recap = summary.agenda[0]!;
    expect(recap.steps.map((s) => s.stepId)).toEqual(['show-goals', 'progress-round', 'adjust']);
    expect(recap.steps.every((s) => s.enteredAt !== null && s.leftAt !== null)).toBe(true);
    expect(summary.agenda[1]!.steps.at(-1)).toMatchObject({ stepId: 'closing-words', enteredAt: null });

    const md = await server.api(g.path(`/meetings/${g.meetingId}/summary.md`), {
      token: g.members[0]!.participantToken,
    });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toMatch(
      /^attachment; filename="project-leads-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const text = md.body as string;
    for (const expected of [
      '# Meeting summary — Project leads',
      '**Facilitator:** Kaisa',
      '**Attended:** Kaisa (facilitator), Anna, Ben',
      '### Now what?\n\n- Ask Liisa about the call',
      '- [ ] Book the next room — Anna, due April 1, 2026',
      '- Ben chaired well — 2 votes',
      '- **Anna:** Handed the budget to Ben',
    ]) {
      expect(text).toContain(expected);
    }

    // Ending again through the group route changes nothing that was written down.
    const items = async () =>
      ((await server.api(g.path('/action-items?status=all'), { token: g.facilitator })).body as ActionItemsResponse)
        .actionItems;
    const progress = async (goal: Goal) =>
      ((await server.api(g.path(`/goals/${goal.id}/progress`), { token: g.facilitator })).body as ProgressNotesResponse)
        .notes;
    expect(await items()).toHaveLength(2);
    const first = await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator });
    expect(first.status).toBe(200);
    expect(await items()).toHaveLength(2);
    expect((await progress(goals[1]!)).map((n) => [n.authorName, n.text, n.meetingId])).toEqual([
      ['Anna', 'Handed the budget to Ben', g.meetingId],
    ]);
    expect((await summaryOf(g.facilitator)).actionItems).toHaveLength(2);
  });

  it('ends the session too when the group route ends the meeting, and writes Markdown in the group’s language', async () => {
    g = await createGroupFixture(server, { locale: 'fi' });
    const session = clients.connect(g.meetingId, 'session', g.facilitator);
    await ok(g.meetingId, g.facilitator, { type: 'addAgendaItem', methodId: 'reflection' });
    await ok(g.meetingId, g.facilitator, { type: 'startMeeting' });
    const res = await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator });
    expect(res.status).toBe(200);
    await until(() => sessionOf(session)?.status === 'ended', 'the session to end');
    const md = await server.api(g.path(`/meetings/${g.meetingId}/summary.md?tz=Europe/Helsinki`), {
      token: g.facilitator,
    });
    expect(md.body).toContain('# Tapaamisen yhteenveto – Project leads');
    expect(md.body).toContain('## Toteutunut asialista');
    // Members cannot end a meeting; another group's token cannot read the summary.
    const member = await server.api(g.path(`/meetings/${g.meetingId}/end`), {
      method: 'POST',
      token: g.members[0]!.participantToken,
    });
    expect(member.status).toBe(403);
    const other = await createGroupFixture(server);
    const foreign = await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: other.facilitator });
    expect(foreign.status).toBe(403);
  });

  it('keeps a stored summary it cannot read as it is: answers 409 and never writes over it', async () => {
    g = await createGroupFixture(server);
    await ok(g.meetingId, g.facilitator, { type: 'addAgendaItem', methodId: 'reflection' });
    await ok(g.meetingId, g.facilitator, { type: 'startMeeting' });
    await ok(g.meetingId, g.facilitator, { type: 'endMeeting' });
    expect((await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: g.facilitator })).status).toBe(200);
    // A summary as a newer server would have written it.
    const future = JSON.stringify({ version: 7, meetingId: g.meetingId, somethingNew: ['kept'] });
    const db = new Database(join(server.config.dataDir, 'vermeboard.sqlite'));
    const stored = () =>
      (db.prepare('SELECT summary FROM meeting_summaries WHERE meeting_id = ?').get(g.meetingId) as { summary: string })
        .summary;
    try {
      db.prepare('UPDATE meeting_summaries SET summary = ? WHERE meeting_id = ?').run(future, g.meetingId);
      const res = await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: g.facilitator });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: expect.stringMatching(/cannot read; it is kept as it was/) });
      // Ending again rewrites a readable summary, but leaves this one alone.
      const again = await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator });
      expect(again.status).toBe(200);
      expect(stored()).toBe(future);
    } finally {
      db.close();
    }
  });

  it('writes a Swedish group’s summary and Markdown in Swedish, with the methods’ Swedish names', async () => {
    g = await createGroupFixture(server, { locale: 'sv' });
    await ok(g.meetingId, g.facilitator, { type: 'addAgendaItem', methodId: 'reflection' });
    await ok(g.meetingId, g.facilitator, { type: 'startMeeting' });
    await ok(g.meetingId, g.facilitator, { type: 'endMeeting' });
    const summary = (await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: g.facilitator }))
      .body as MeetingSummaryResponse;
    expect(summary.summary.agenda[0]!.name.sv).toBe('Reflektion: Vad? Så vad? Vad nu?');
    const md = await server.api(g.path(`/meetings/${g.meetingId}/summary.md?tz=Europe/Helsinki`), {
      token: g.facilitator,
    });
    expect(md.body).toContain('# Sammanfattning av träffen – Project leads');
    expect(md.body).toContain('## Dagordningen som den genomfördes');
    expect(md.body).toContain('- Vad hände? – på egen hand');
  });

  it('reads a summary stored before Swedish, giving its names the English as Swedish', async () => {
    g = await createGroupFixture(server, { locale: 'sv' });
    await ok(g.meetingId, g.facilitator, { type: 'addAgendaItem', methodId: 'reflection' });
    await ok(g.meetingId, g.facilitator, { type: 'startMeeting' });
    await ok(g.meetingId, g.facilitator, { type: 'endMeeting' });
    const db = new Database(join(server.config.dataDir, 'vermeboard.sqlite'));
    try {
      const row = db.prepare('SELECT summary FROM meeting_summaries WHERE meeting_id = ?').get(g.meetingId) as {
        summary: string;
      };
      // The summary as a server before Swedish wrote it: version 1, texts in English and Finnish only.
      const old = JSON.stringify(JSON.parse(row.summary), (key, value: unknown) =>
        key === 'sv' ? undefined : key === 'version' ? 1 : value,
      );
      expect(old).not.toContain('"sv"');
      db.prepare('UPDATE meeting_summaries SET summary = ? WHERE meeting_id = ?').run(old, g.meetingId);
    } finally {
      db.close();
    }
    const res = await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: g.facilitator });
    expect(res.status).toBe(200);
    const item = (res.body as MeetingSummaryResponse).summary.agenda[0]!;
    expect(item.name).toEqual({
      en: 'Reflection: What? So what? Now what?',
      fi: 'Reflektio: Mitä? Entä sitten? Mitä nyt?',
      sv: 'Reflection: What? So what? Now what?',
    });
    const md = await server.api(g.path(`/meetings/${g.meetingId}/summary.md`), { token: g.facilitator });
    expect(md.body).toContain('# Sammanfattning av träffen – Project leads');
  });
});
