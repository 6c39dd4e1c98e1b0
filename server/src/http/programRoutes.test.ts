// The program API against a real server: creating a program and its groups, asking an existing
// group (whose facilitator answers), encounters that members of invited groups open with their own
// tokens, and summaries shared with the program and taken back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEncounterResponseSchema,
  groupProgramResponseSchema,
  joinResponseSchema,
  meetingSummaryResponseSchema,
  programResponseSchema,
  type GroupId,
} from '@vermeboard/shared';
import { createSyncAuthorizer } from '../auth/authorizeSync.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture } from './groupFixture.testkit.js';
import {
  createGroupInProgram,
  createProgram,
  createProgramFixture,
  type ProgramFixture,
} from './programFixture.testkit.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function programPage(p: ProgramFixture) {
  const res = await server.api(p.path(''), { token: p.coordinator });
  expect(res.status).toBe(200);
  return programResponseSchema.parse(res.body);
}

describe('programs and their groups', () => {
  it('creates a program whose coordinator creates a group in it and asks existing groups', async () => {
    const p = await createProgramFixture(server);
    expect(p.program.coordinatorLink).toBe(`/coordinate#${p.coordinator}`);
    const mine = await server.api('/api/programs/mine', { token: p.coordinator });
    expect(mine.body).toEqual({ programId: p.program.programId });

    const inside = await createGroupInProgram(server, p, 'Kumpula leads');
    // The facilitator link works: the person who gets it becomes the group's facilitator.
    const token = inside.facilitatorLink.replace('/join/', '');
    const joined = await server.api('/api/join', { body: { token, displayName: 'Sanna' } });
    expect(joinResponseSchema.parse(joined.body)).toMatchObject({ groupId: inside.groupId, role: 'facilitator' });

    const page = await programPage(p);
    expect(page.name).toBe('Leadership 2026');
    expect(page.coordinator.displayName).toBe('Riikka');
    expect(page.groups.map((g) => g.groupId)).toEqual([
      p.attached.group.groupId,
      p.second.group.groupId,
      inside.groupId,
    ]);
    expect(page.pending).toEqual([]);
    expect(page.guestLink).toMatch(/^\/join\//);
  });

  it('lets only the group’s facilitator answer a request, and keeps a group in one program', async () => {
    const p = await createProgramFixture(server);
    const other = await createProgram(server, 'Other program');
    const group = await createGroupFixture(server);
    const ask = (programId: string, token: string, groupId: GroupId) =>
      server.api(`/api/programs/${programId}/attach-requests`, { token, body: { groupId } });
    expect((await ask(p.program.programId, p.coordinator, group.group.groupId)).status).toBe(202);
    expect((await ask(other.programId, other.coordinatorToken, group.group.groupId)).status).toBe(202);
    // The coordinator sees the request, but not the group's name until it accepts.
    const page = await programPage(p);
    expect(page.pending).toEqual([{ groupId: group.group.groupId, requestedAt: expect.any(String) }]);
    expect(JSON.stringify(page)).not.toContain(group.group.groupId + '","name');

    // The group's facilitator sees both requests on the group home; a member sees none.
    const seen = groupProgramResponseSchema.parse(
      (await server.api(group.path('/program'), { token: group.facilitator })).body,
    );
    expect(seen.requests.map((r) => [r.name, r.coordinatorName])).toEqual([
      ['Leadership 2026', 'Riikka'],
      ['Other program', 'Riikka'],
    ]);
    const asMember = groupProgramResponseSchema.parse(
      (await server.api(group.path('/program'), { token: group.members[0]!.participantToken })).body,
    );
    expect(asMember.requests).toEqual([]);

    const answer = (programId: string, token: string, accept: boolean) =>
      server.api(group.path(`/program-requests/${programId}`), { token, body: { accept } });
    expect((await answer(p.program.programId, group.members[0]!.participantToken, true)).status).toBe(403);
    expect((await answer(p.program.programId, group.observer.participantToken, true)).status).toBe(403);
    expect((await answer(other.programId, group.facilitator, false)).status).toBe(204);
    expect((await answer(other.programId, group.facilitator, true)).status).toBe(404);
    expect((await answer(p.program.programId, group.facilitator, true)).status).toBe(204);
    // In a program now: another program's request finds it taken, and the group knows its program.
    expect((await ask(other.programId, other.coordinatorToken, group.group.groupId)).status).toBe(409);
    const after = groupProgramResponseSchema.parse(
      (await server.api(group.path('/program'), { token: group.members[0]!.participantToken })).body,
    );
    expect(after.program).toEqual({
      programId: p.program.programId,
      name: 'Leadership 2026',
      coordinatorName: 'Riikka',
    });
    // Nor can anyone but the coordinator ask in the program's name, or ask for a plaza.
    expect((await ask(p.program.programId, group.facilitator, group.group.groupId)).status).toBe(403);
    expect((await ask(p.program.programId, p.coordinator, other.plazaGroupId)).status).toBe(404);
  });

  it('refuses malformed and oversized bodies', async () => {
    const p = await createProgramFixture(server);
    expect((await server.api('/api/programs', { body: { name: '', coordinatorName: 'R' } })).status).toBe(400);
    expect((await server.api('/api/programs', { body: { name: 'x'.repeat(500), coordinatorName: 'R' } })).status).toBe(
      400,
    );
    expect(
      (await server.api(p.path('/attach-requests'), { token: p.coordinator, body: { groupId: '../x' } })).status,
    ).toBe(400);
    const tooMany = Array.from({ length: 21 }, () => p.attached.group.groupId);
    expect(
      (await server.api(p.path('/encounters'), { token: p.coordinator, body: { groupIds: tooMany } })).status,
    ).toBe(400);
    expect((await server.api(p.path('/encounters'), { token: p.coordinator, body: { groupIds: [] } })).status).toBe(
      400,
    );
  });
});

describe('encounters', () => {
  it('lets members of invited groups open the plaza as themselves, and nobody else', async () => {
    const p = await createProgramFixture(server);
    const outsider = await createGroupFixture(server);
    // A group outside the program cannot be invited.
    const stranger = await server.api(p.path('/encounters'), {
      token: p.coordinator,
      body: { groupIds: [outsider.group.groupId] },
    });
    expect(stranger.status).toBe(400);
    const res = await server.api(p.path('/encounters'), {
      token: p.coordinator,
      body: { groupIds: [p.attached.group.groupId] },
    });
    expect(res.status).toBe(201);
    const { meetingId } = createEncounterResponseSchema.parse(res.body);
    // One at a time.
    const again = await server.api(p.path('/encounters'), {
      token: p.coordinator,
      body: { groupIds: [p.second.group.groupId] },
    });
    expect(again.status).toBe(409);

    const authorize = createSyncAuthorizer(server.auth, server.storage);
    const open = async (doc: string, token: string) => {
      const r = await authorize(`meeting/${meetingId}/${doc}`, { kind: 'bearer', token });
      return r.ok ? { access: r.access, role: r.auth.role, participantId: r.auth.participantId } : r.status;
    };
    const anna = p.attached.members[0]!;
    const kaisa = p.attached.facilitator;
    expect(await open('board', anna.participantToken)).toEqual({
      access: 'write',
      role: 'member',
      participantId: anna.participantId,
    });
    expect(await open(`private/${anna.participantId}`, anna.participantToken)).toMatchObject({ access: 'write' });
    expect(await open(`private/${p.attached.members[1]!.participantId}`, anna.participantToken)).toBe(403);
    // The group's facilitator is a member of the plaza; its observer stays an observer.
    expect(await open('board', kaisa)).toMatchObject({ access: 'write', role: 'member' });
    expect(await open('board', p.attached.observer.participantToken)).toMatchObject({
      access: 'read',
      role: 'observer',
    });
    // A shared link of an invited group is nobody: it needs a personal token.
    expect(await open('board', p.attached.group.tokens.member)).toBe(403);
    // The second group of the program was not invited; the outsider is not in it at all.
    expect(await open('board', p.second.members[0]!.participantToken)).toBe(403);
    expect(await open('board', outsider.members[0]!.participantToken)).toBe(403);
    // The coordinator facilitates.
    expect(await open('board', p.coordinator)).toMatchObject({ access: 'write', role: 'facilitator' });

    // The same over HTTP: a sync ticket, and commands run as a member of the plaza.
    const ticket = await server.api('/api/sync-tickets', {
      token: anna.participantToken,
      body: { docName: `meeting/${meetingId}/session` },
    });
    expect(ticket.status).toBe(201);
    const command = (token: string, type: string, rest: object = {}) =>
      server.api(`/api/meetings/${meetingId}/commands`, { token, body: { command: { type, ...rest } } });
    expect((await command(p.second.facilitator, 'raiseHand')).status).toBe(403);
    // A group's facilitator cannot take the plaza over, whatever their own group's token says.
    expect((await command(kaisa, 'claimFacilitation')).status).toBe(403);
    const agenda = { methodId: 'check-in-round' };
    expect((await command(kaisa, 'addAgendaItem', agenda)).status).toBe(403);
    const added = await command(p.coordinator, 'addAgendaItem', agenda);
    expect(added.body).toEqual({ ok: true });

    // The invited group's home announces the running encounter; the other group's does not.
    const home = groupProgramResponseSchema.parse(
      (await server.api(p.attached.path('/program'), { token: anna.participantToken })).body,
    );
    expect(home.encounters.map((e) => e.meetingId)).toEqual([meetingId]);
    const otherHome = groupProgramResponseSchema.parse(
      (await server.api(p.second.path('/program'), { token: p.second.facilitator })).body,
    );
    expect(otherHome.encounters).toEqual([]);
    expect((await programPage(p)).encounters).toEqual([
      { meetingId, startedAt: expect.any(String), endedAt: null, groupIds: [p.attached.group.groupId] },
    ]);

    // Guests join the plaza through its member link (the program page's guest link).
    const guestLink = (await programPage(p)).guestLink.replace('/join/', '');
    const guest = joinResponseSchema.parse(
      (await server.api('/api/join', { body: { token: guestLink, displayName: 'Guest' } })).body,
    );
    expect(await open('board', guest.participantToken)).toMatchObject({ access: 'write', role: 'member' });
  });
});

describe('summaries shared with the program', () => {
  it('reach the coordinator only while the group’s facilitator shares them', async () => {
    const p = await createProgramFixture(server);
    const g = p.attached;
    const share = (token: string, method = 'PUT') =>
      server.api(g.path(`/meetings/${g.meetingId}/program-share`), { method, token });
    const read = () => server.api(p.path(`/summaries/${g.meetingId}`), { token: p.coordinator });
    // Running still: nothing to share.
    expect((await share(g.facilitator)).status).toBe(409);
    expect(
      (await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator })).status,
    ).toBe(200);
    expect((await read()).status).toBe(404);
    expect((await share(g.members[0]!.participantToken)).status).toBe(403);
    expect((await share(p.coordinator)).status).toBe(403);
    expect((await share(g.facilitator)).status).toBe(204);
    const shared = await read();
    expect(shared.status).toBe(200);
    expect(meetingSummaryResponseSchema.parse(shared.body).summary.meetingId).toBe(g.meetingId);
    expect((await programPage(p)).groups[0]!.meetings[0]!.summaryShared).toBe(true);
    const home = groupProgramResponseSchema.parse(
      (await server.api(g.path('/program'), { token: g.facilitator })).body,
    );
    expect(home.sharedMeetingIds).toEqual([g.meetingId]);
    expect((await share(g.facilitator, 'DELETE')).status).toBe(204);
    expect((await read()).status).toBe(404);
    expect((await programPage(p)).groups[0]!.meetings[0]!.summaryShared).toBe(false);
  });
});
