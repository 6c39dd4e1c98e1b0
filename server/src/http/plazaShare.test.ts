// Sharing a frame into an encounter's plaza against a real server with real y-websocket clients: a
// group's facilitator draws a frame on the group's own board, shares it, and the coordinator's
// client on the plaza board receives the frame and its note under the group's name; sharing again
// writes nothing, sharing a changed frame updates the copy, and everyone else is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEncounterResponseSchema,
  groupProgramResponseSchema,
  sharePlazaFrameResponseSchema,
  type MeetingId,
} from '@vermeboard/shared';
import { putArrow, putFrame, putNote, readRecords, recordText } from '../board/boardClient.testkit.js';
import { SessionClients, until, type Client } from '../facilitation/sessionClients.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createProgramFixture, type ProgramFixture } from './programFixture.testkit.js';

let server: TestServer;
let p: ProgramFixture;
let own: Client;
const clients = new SessionClients(() => server);
const frameId = 'shape:ideas';
const noteId = 'shape:idea-one';

beforeAll(async () => {
  server = await startTestServer();
  p = await createProgramFixture(server);
  own = clients.connect(p.attached.meetingId, 'board', p.attached.facilitator);
  await until(() => own.provider.synced, 'sync');
  putFrame(own.doc, frameId, 'Our ideas', { x: 100, y: 100, w: 600, h: 400 });
  putNote(own.doc, noteId, 'marker-first-idea', { parentId: frameId, x: 20, y: 20 });
  putNote(own.doc, 'shape:elsewhere', 'marker-not-shared', { x: 2000, y: 2000 });
  // A second person's client receives the notes: the server has them.
  const mate = clients.connect(p.attached.meetingId, 'board', p.attached.members[0]!.participantToken);
  await until(() => readRecords(mate.doc).has('shape:elsewhere') && readRecords(mate.doc).has(noteId), 'the notes');
});
afterAll(async () => {
  clients.closeAll();
  await server.close();
});

const share = (token: string, body: unknown = { frameId }, group = p.attached) =>
  server.api(group.path(`/meetings/${group.meetingId}/share-to-plaza`), { token, body });

describe('sharing a frame into the plaza', () => {
  let encounter: MeetingId;
  let plaza: Client;

  it('refuses while no encounter that invites the group runs', async () => {
    const res = await share(p.attached.facilitator);
    expect(res.body).toMatchObject({ error: expect.stringContaining('no encounter') });
    const started = await server.api(p.path('/encounters'), {
      token: p.coordinator,
      body: { groupIds: [p.attached.group.groupId] },
    });
    expect(started.status).toBe(201);
    encounter = createEncounterResponseSchema.parse(started.body).meetingId;
    // The group's home names who is invited: whom the confirmation names.
    const home = await server.api(p.attached.path('/program'), { token: p.attached.facilitator });
    expect(groupProgramResponseSchema.parse(home.body).encounters).toEqual([
      { meetingId: encounter, startedAt: expect.any(String), groupNames: ['Project leads'] },
    ]);
    // The second group is in the program but not invited.
    expect((await share(p.second.facilitator, { frameId }, p.second)).status).toBe(409);
  });

  it('refuses members, observers, the coordinator and another group’s facilitator', async () => {
    expect((await share(p.attached.members[0]!.participantToken)).status).toBe(403);
    expect((await share(p.attached.observer.participantToken)).status).toBe(403);
    expect((await share(p.coordinator)).status).toBe(403);
    expect((await share(p.second.facilitator)).status).toBe(403);
  });

  it('refuses what is not a frame of this board, and a malformed id', async () => {
    expect((await share(p.attached.facilitator, { frameId: noteId })).status).toBe(404);
    expect((await share(p.attached.facilitator, { frameId: 'shape:nothing-here' })).status).toBe(404);
    expect((await share(p.attached.facilitator, { frameId: 'page:page' })).status).toBe(400);
    expect((await share(p.attached.facilitator, { frameId: `shape:${'x'.repeat(200)}` })).status).toBe(400);
    expect((await share(p.attached.facilitator, {})).status).toBe(400);
  });

  it('copies the frame and its note onto the plaza board, labelled with the group’s name', async () => {
    plaza = clients.connect(encounter, 'board', p.coordinator);
    await until(() => plaza.provider.synced, 'plaza sync');
    const res = await share(p.attached.facilitator);
    expect(res.status).toBe(200);
    const body = sharePlazaFrameResponseSchema.parse(res.body);
    expect(body.encounterId).toBe(encounter);
    expect(body.written).toBe(2);
    await until(() => readRecords(plaza.doc).has(body.copyId), 'the copy on the plaza');
    const records = readRecords(plaza.doc);
    expect(JSON.stringify(records.get(body.copyId))).toContain('Project leads: Our ideas');
    const note = [...records.entries()].find(([, r]) => JSON.stringify(r).includes('marker-first-idea'));
    expect(note).toBeDefined();
    expect((note![1] as { parentId: string }).parentId).toBe(body.copyId);
    expect(JSON.stringify([...records.values()])).not.toContain('marker-not-shared');
  });

  it('writes nothing when the same frame is shared again, and updates the copy when it changed', async () => {
    const before = readRecords(plaza.doc).size;
    const again = sharePlazaFrameResponseSchema.parse((await share(p.attached.facilitator)).body);
    expect(again.written).toBe(0);
    expect(readRecords(plaza.doc).size).toBe(before);

    putNote(own.doc, noteId, 'marker-better-idea', { parentId: frameId, x: 20, y: 20 });
    // Until the change reaches the server, sharing again writes nothing; then it writes the note.
    await until(
      async () => sharePlazaFrameResponseSchema.parse((await share(p.attached.facilitator)).body).written === 1,
      'the changed note shared',
    );
    await until(
      () => [...readRecords(plaza.doc).keys()].some((id) => recordText(plaza.doc, id)?.includes('marker-better-idea')),
      'the update on the plaza',
    );
    expect(readRecords(plaza.doc).size).toBe(before);
    expect(JSON.stringify([...readRecords(plaza.doc).values()])).not.toContain('marker-first-idea');
  });

  it('copies the arrows between the frame’s notes still bound to them, and none to what stays behind', async () => {
    putNote(own.doc, 'shape:idea-two', 'marker-second-idea', { parentId: frameId, x: 300, y: 20 });
    putArrow(own.doc, 'shape:link', { parentId: frameId, x: 220, y: 100, start: noteId, end: 'shape:idea-two' });
    putArrow(own.doc, 'shape:away', { parentId: frameId, x: 220, y: 300, end: 'shape:elsewhere' });
    // The note, two arrows and the two bindings between the frame's notes; not the one to the note outside.
    await until(
      async () => sharePlazaFrameResponseSchema.parse((await share(p.attached.facilitator)).body).written === 5,
      'the arrows shared',
    );
    const byEnd = (suffix: string) => () =>
      [...readRecords(plaza.doc).entries()].find(([id]) => id.endsWith(suffix))?.[1] as
        Record<string, unknown> | undefined;
    await until(() => byEnd('.link-end')() !== undefined, 'the bindings on the plaza');
    const copyOf = (original: string) => [...readRecords(plaza.doc).keys()].find((id) => id.endsWith(`.${original}`));
    expect(byEnd('.link-start')()).toMatchObject({
      typeName: 'binding',
      fromId: copyOf('link'),
      toId: copyOf('idea-one'),
    });
    expect(byEnd('.link-end')()).toMatchObject({ fromId: copyOf('link'), toId: copyOf('idea-two') });
    expect(byEnd('.away')()).toMatchObject({ type: 'arrow' });
    expect(byEnd('.away-end')()).toBeUndefined();
    expect(copyOf('link')).toMatch(/^shape:/);
    expect(JSON.stringify([...readRecords(plaza.doc).values()])).not.toContain('marker-not-shared');
  });
});
