// The server places a step's layout from the group's own data when the step starts, with no
// browser involved: frames labelled in the group's language, the group's ground rules, its goals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDocName, layoutShapeId, richTextToPlain, type ClientCommand } from '@vermeboard/shared';
import { createGroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { recordsOf, sendCommand, until } from './sessionClients.testkit.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('layouts placed by the server', () => {
  it('writes the welcome frame with the group’s own rules and the goal cards, in the group’s language', async () => {
    const g = await createGroupFixture(server, { locale: 'fi' });
    const put = await server.api(g.path('/ground-rules'), {
      method: 'PUT',
      token: g.facilitator,
      body: { rules: ['Kamerat päällä', 'Aloitetaan ajallaan'] },
    });
    expect(put.status).toBe(200);
    expect(
      (await server.api(g.path('/goals'), { token: g.facilitator, body: { text: 'Opin delegoimaan' } })).status,
    ).toBe(201);
    const ok = async (command: ClientCommand) =>
      expect((await sendCommand(server, g.meetingId, g.facilitator, command)).status).toBe(200);
    await ok({ type: 'addAgendaItem', methodId: 'welcome' });
    await ok({ type: 'addAgendaItem', methodId: 'goal-recap' });
    await ok({ type: 'startMeeting' });

    const board = () => server.sync.withDoc(formatDocName({ kind: 'board', meetingId: g.meetingId }), recordsOf);
    const text = (r: unknown) => richTextToPlain((r as { props: { richText: never } }).props.richText);
    const welcome = (id: string) => layoutShapeId('welcome-1', id);
    const records = await board();
    // The first page is named in the group's language, not tldraw's "Page 1".
    expect(records.get('page:page')).toMatchObject({ typeName: 'page', name: 'Sivu 1' });
    expect((records.get(welcome('ground-rules')) as { props: { name: string } }).props.name).toBe('Pelisäännöt');
    expect([text(records.get(welcome('rule-1'))), text(records.get(welcome('rule-2')))]).toEqual([
      'Kamerat päällä',
      'Aloitetaan ajallaan',
    ]);
    expect(records.has(welcome('rule-confidential'))).toBe(false);

    await ok({ type: 'nextStep' });
    await until(async () => (await board()).has(layoutShapeId('goal-recap-2', 'goal-1')), 'the goal card');
    const card = (await board()).get(layoutShapeId('goal-recap-2', 'goal-1'));
    expect(text(card)).toBe('Opin delegoimaan');
    // Entering the step again places nothing twice.
    const count = (await board()).size;
    await ok({ type: 'previousStep' });
    await ok({ type: 'nextStep' });
    expect((await board()).size).toBe(count);
  });

  it('writes a Swedish group’s first page, frames and default ground rules in Swedish', async () => {
    const g = await createGroupFixture(server, { locale: 'sv' });
    const ok = async (command: ClientCommand) =>
      expect((await sendCommand(server, g.meetingId, g.facilitator, command)).status).toBe(200);
    await ok({ type: 'addAgendaItem', methodId: 'welcome' });
    await ok({ type: 'startMeeting' });
    const board = () => server.sync.withDoc(formatDocName({ kind: 'board', meetingId: g.meetingId }), recordsOf);
    const text = (r: unknown) => richTextToPlain((r as { props: { richText: never } }).props.richText);
    const welcome = (id: string) => layoutShapeId('welcome-1', id);
    await until(async () => (await board()).has(welcome('ground-rules')), 'the welcome frame');
    const records = await board();
    expect(records.get('page:page')).toMatchObject({ typeName: 'page', name: 'Sida 1' });
    expect((records.get(welcome('ground-rules')) as { props: { name: string } }).props.name).toBe('Spelregler');
    expect([text(records.get(welcome('rule-1'))), text(records.get(welcome('rule-2')))]).toEqual([
      'Alla blir hörda och ingen dominerar.',
      'Det som sägs i gruppen stannar i gruppen.',
    ]);
  });
});
