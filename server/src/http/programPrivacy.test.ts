// The coordinator cannot read any group's board or notes: every HTTP route that names a group or a
// meeting, and every document of a group's meeting, refuses the coordinator's token. The routes are
// read from the API router itself, so a route added later is covered without editing this test.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncAuthorizer } from '../auth/authorizeSync.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { upgradeStatus } from '../bearerSocket.testkit.js';
import { SessionClients, sendCommand, serverSession, until } from '../facilitation/sessionClients.testkit.js';
import { createApiRouter } from './api.js';
import { createProgramFixture, type ProgramFixture } from './programFixture.testkit.js';

let server: TestServer;
let p: ProgramFixture;
let params: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  p = await createProgramFixture(server);
  const g = p.attached;
  const goal = await server.api(g.path('/goals'), { token: g.facilitator, body: { text: 'Lead one partner meeting' } });
  const item = await server.api(g.path('/action-items'), {
    token: g.facilitator,
    body: { meetingId: g.meetingId, text: 'Ask the city' },
  });
  expect([goal.status, item.status]).toEqual([201, 201]);
  params = {
    groupId: g.group.groupId,
    meetingId: g.meetingId,
    participantId: g.members[0]!.participantId,
    goalId: (goal.body as { id: string }).id,
    actionItemId: (item.body as { id: string }).id,
    phase: 'start',
    programId: p.program.programId,
    // Well-formed ids of things the group does not have: the refusal must come before any lookup.
    pollId: 'poll-0000000000',
    plannedId: 'plan-0000000000',
    postId: 'post-0000000000',
    coachId: 'coach-000000000',
    file: 'plan-0000000000.ics',
    methodId: 'no-such-method',
  };
});
afterAll(async () => {
  await server.close();
});

/** Every route of the API router, as `METHOD /path/:param`. */
function apiRoutes(): { method: string; path: string }[] {
  const router = createApiRouter({
    storage: server.storage,
    auth: server.auth,
    config: server.config,
    // Only built, never called: listing the routes runs no handler.
    connections: { closeSelected: () => undefined },
    facilitation: {} as never,
    rehearsals: {} as never,
    logger: pino({ level: 'silent' }),
  });
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  }
  const found: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route)
        for (const m of Object.keys(layer.route.methods))
          found.push({ method: m.toUpperCase(), path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return found;
}

describe('the coordinator’s token on a group’s routes', () => {
  it('is refused by every route that names a group or a meeting of a group', async () => {
    const routes = apiRoutes().filter((r) => /:(groupId|meetingId)\b/.test(r.path));
    // The listing found the routes (a broken walk would make this test pass vacuously).
    expect(routes.length).toBeGreaterThan(30);
    const answers: string[] = [];
    for (const { method, path } of routes) {
      const url =
        '/api' +
        path.replace(/:(\w+)/g, (_m, name: string) => {
          const value = params[name];
          if (!value) throw new Error(`no value for :${name} in ${path}`);
          return value;
        });
      const res = await server.api(url, { method, token: p.coordinator, ...(method === 'GET' ? {} : { body: {} }) });
      answers.push(`${method} ${path} ${res.status}`);
      // The shared-summary route of the program answers 404 for a summary nobody shared; the rest 403.
      const expected = path.startsWith('/programs/') ? 404 : 403;
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} ${expected}`);
    }
    expect(answers).toHaveLength(routes.length);
  });

  it('opens none of the group’s live documents, by ticket or by upgrade', async () => {
    const g = p.attached;
    // With the group's breakout rooms open, so that the rooms exist to be refused.
    const clients = new SessionClients(() => server);
    for (const token of [g.facilitator, ...g.members.map((m) => m.participantToken)]) {
      clients.connect(g.meetingId, 'session', token);
    }
    await until(
      async () => (await serverSession(server, g.meetingId)).participants.filter((x) => x.present).length === 3,
      'the group present',
    );
    for (const command of [
      { type: 'addAgendaItem', methodId: 'check-in-round' },
      { type: 'startMeeting' },
      { type: 'openRooms', split: { kind: 'mixed', rooms: 2 }, seconds: 600 },
    ] as const) {
      expect((await sendCommand(server, g.meetingId, g.facilitator, command)).status).toBe(200);
    }
    expect((await serverSession(server, g.meetingId)).breakout?.rooms).toHaveLength(2);
    const people = [g.group.participantId, ...g.members.map((m) => m.participantId), g.observer.participantId];
    const docs = [
      `meeting/${g.meetingId}/board`,
      `meeting/${g.meetingId}/session`,
      ...people.map((id) => `meeting/${g.meetingId}/private/${id}`),
      // Breakout rooms, open or not: the coordinator is a stranger to the group's meeting.
      ...[1, 2, 3, 9999].map((n) => `meeting/${g.meetingId}/room/${n}/board`),
    ];
    const authorize = createSyncAuthorizer(server.auth, server.storage, undefined, (id) => serverSession(server, id));
    for (const docName of docs) {
      const result = await authorize(docName, { kind: 'bearer', token: p.coordinator });
      expect({ docName, result }).toEqual({ docName, result: { ok: false, status: 403 } });
      const ticket = await server.api('/api/sync-tickets', { token: p.coordinator, body: { docName } });
      expect({ docName, status: ticket.status }).toEqual({ docName, status: 403 });
    }
    // And the real upgrade, once, end to end.
    const status = await upgradeStatus(server.port, docs[0]!, p.coordinator);
    expect(status).toBe(403);
    clients.closeAll();
  });

  it('reads no summary that its group has not shared', async () => {
    const g = p.attached;
    await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator });
    const direct = await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: p.coordinator });
    expect(direct.status).toBe(403);
    const viaProgram = await server.api(`/api/programs/${p.program.programId}/summaries/${g.meetingId}`, {
      token: p.coordinator,
    });
    expect(viaProgram.status).toBe(404);
    // The program page holds no summary, note or board text: only its own figures' fields.
    const page = await server.api(`/api/programs/${p.program.programId}`, { token: p.coordinator });
    expect(JSON.stringify(page.body)).not.toContain('Lead one partner meeting');
    expect(JSON.stringify(page.body)).not.toContain('Ask the city');
  });
});
