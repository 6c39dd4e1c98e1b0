// Competence areas and self-assessment through the real API. The point of these tests is privacy:
// nobody, the facilitator included, can read another participant's answers by any route, and the
// group's averages appear only when the facilitator releases a phase with at least three answers,
// and then never change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentSummaryResponse, CompetenceAreasResponse, OwnAssessmentsResponse } from '@vermeboard/shared';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture, type GroupFixture } from './groupFixture.testkit.js';

let server: TestServer;
let f: GroupFixture;
beforeEach(async () => {
  server = await startTestServer();
  f = await createGroupFixture(server, { members: ['Anna', 'Ben', 'Cai'] });
});
afterEach(async () => {
  await server.close();
});

const areas = async (token = f.group.tokens.observer) =>
  ((await server.api(f.path('/competence-areas'), { token })).body as CompetenceAreasResponse).areas;
const save = (token: string, phase: string, ratings: unknown) =>
  server.api(f.path(`/assessments/mine/${phase}`), { method: 'PUT', token, body: { ratings } });
const summary = async (token: string) =>
  (await server.api(f.path('/assessments/summary'), { token })).body as AssessmentSummaryResponse;

describe('competence areas', () => {
  it('start with the default set for project work, in the group’s language', async () => {
    expect((await areas()).map((a) => a.name)).toEqual([
      'Planning and leading projects',
      'Preparing funding proposals',
      'Working with partners and networks',
      'Leading people',
      "Managing one's own wellbeing at work",
    ]);
    const fi = await createGroupFixture(server, { locale: 'fi' });
    const fiAreas = (
      (await server.api(fi.path('/competence-areas'), { token: fi.facilitator })).body as CompetenceAreasResponse
    ).areas;
    expect(fiAreas[0]!.name).toBe('Hankkeiden suunnittelu ja johtaminen');
  });

  it('are edited by the facilitator only: rename, add, drop', async () => {
    const [first, second] = await areas();
    const body = {
      areas: [{ id: second!.id, name: 'Funding' }, { name: 'Facilitation' }, { id: first!.id, name: first!.name }],
    };
    expect(
      (await server.api(f.path('/competence-areas'), { method: 'PUT', token: f.members[0]!.participantToken, body }))
        .status,
    ).toBe(403);
    const res = await server.api(f.path('/competence-areas'), { method: 'PUT', token: f.facilitator, body });
    expect(res.status).toBe(200);
    const now = (res.body as CompetenceAreasResponse).areas;
    expect(now.map((a) => a.name)).toEqual(['Funding', 'Facilitation', first!.name]);
    expect(now[0]!.id).toBe(second!.id);

    const put = (b: unknown) =>
      server.api(f.path('/competence-areas'), { method: 'PUT', token: f.facilitator, body: b });
    expect(await put({ areas: [] })).toMatchObject({ status: 400, body: { field: 'areas' } });
    expect(await put({ areas: [{ id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'x' }] })).toMatchObject({
      status: 400,
      body: { field: 'areas.0.id' },
    });
    expect(await put({ areas: [{ name: 'x'.repeat(121) }] })).toMatchObject({
      status: 400,
      body: { field: 'areas.0.name' },
    });
  });
});

describe('self-assessment', () => {
  it('needs a personal token of a facilitator or member', async () => {
    const [a] = await areas();
    const ratings = [{ areaId: a!.id, rating: 3 }];
    expect((await save(f.group.tokens.member, 'start', ratings)).status).toBe(403);
    expect((await save(f.group.tokens.facilitator, 'start', ratings)).status).toBe(403);
    expect((await save(f.observer.participantToken, 'start', ratings)).status).toBe(403);
    expect((await server.api(f.path('/assessments/mine'), { token: f.group.tokens.member })).status).toBe(403);
    expect((await save(f.facilitator, 'start', ratings)).status).toBe(200);
  });

  it('validates phase, areas and ratings', async () => {
    const [a, b] = await areas();
    const token = f.members[0]!.participantToken;
    expect((await save(token, 'later', [{ areaId: a!.id, rating: 3 }])).status).toBe(404);
    expect(await save(token, 'start', [{ areaId: a!.id, rating: 6 }])).toMatchObject({
      status: 400,
      body: { field: 'ratings.0.rating' },
    });
    expect(await save(token, 'start', [{ areaId: a!.id, rating: 2.5 }])).toMatchObject({
      status: 400,
      body: { field: 'ratings.0.rating' },
    });
    expect(
      await save(token, 'start', [
        { areaId: b!.id, rating: 2 },
        { areaId: 'AAAAAAAAAAAAAAAAAAAAAA', rating: 2 },
      ]),
    ).toMatchObject({ status: 400, body: { field: 'ratings.1.areaId' } });
    expect(
      await save(token, 'start', [
        { areaId: a!.id, rating: 2 },
        { areaId: a!.id, rating: 3 },
      ]),
    ).toMatchObject({ status: 400, body: { field: 'ratings' } });
    const other = await createGroupFixture(server);
    const theirArea = (
      (await server.api(other.path('/competence-areas'), { token: other.facilitator })).body as CompetenceAreasResponse
    ).areas[0]!;
    expect(await save(token, 'start', [{ areaId: theirArea.id, rating: 2 }])).toMatchObject({
      status: 400,
      body: { field: 'ratings.0.areaId' },
    });
  });

  it('keeps one answer per phase, and shows each person only their own', async () => {
    const [a, b] = await areas();
    const [anna, ben] = [f.members[0]!, f.members[1]!];
    await save(anna.participantToken, 'start', [{ areaId: a!.id, rating: 1 }]);
    await save(anna.participantToken, 'start', [
      { areaId: a!.id, rating: 2 },
      { areaId: b!.id, rating: 3 },
    ]);
    await save(anna.participantToken, 'end', [{ areaId: a!.id, rating: 5 }]);
    await save(ben.participantToken, 'start', [{ areaId: a!.id, rating: 4 }]);

    const mine = (await server.api(f.path('/assessments/mine'), { token: anna.participantToken }))
      .body as OwnAssessmentsResponse;
    expect(mine.assessments.map((x) => [x.phase, x.ratings])).toEqual([
      [
        'start',
        [
          { areaId: a!.id, rating: 2 },
          { areaId: b!.id, rating: 3 },
        ],
      ],
      ['end', [{ areaId: a!.id, rating: 5 }]],
    ]);
    const bens = (await server.api(f.path('/assessments/mine'), { token: ben.participantToken }))
      .body as OwnAssessmentsResponse;
    expect(bens.assessments).toEqual([
      { phase: 'start', ratings: [{ areaId: a!.id, rating: 4 }], updatedAt: expect.any(String) },
    ]);
    // The facilitator has not answered: they see nothing, not the others' answers.
    const facilitators = (await server.api(f.path('/assessments/mine'), { token: f.facilitator }))
      .body as OwnAssessmentsResponse;
    expect(facilitators.assessments).toEqual([]);
  });

  it('shows progress only to the facilitator, as k of n, and no figures before the release', async () => {
    const [a] = await areas();
    for (const m of f.members.slice(0, 2)) await save(m.participantToken, 'start', [{ areaId: a!.id, rating: 3 }]);
    // Kaisa and three members can answer; the observer cannot.
    expect((await summary(f.facilitator)).phases[0]).toEqual({
      phase: 'start',
      status: 'open',
      progress: { answered: 2, of: 4 },
    });
    for (const token of [f.members[0]!.participantToken, f.group.tokens.member, f.observer.participantToken]) {
      const s = await summary(token);
      expect(s.phases).toEqual([
        { phase: 'start', status: 'open' },
        { phase: 'mid', status: 'open' },
        { phase: 'end', status: 'open' },
      ]);
    }
  });

  it('releases a phase once, from three answers, and freezes its figures', async () => {
    const [a, b] = await areas();
    const people = [f.members[0]!.participantToken, f.members[1]!.participantToken, f.members[2]!.participantToken];
    const release = (token: string, phase = 'start') =>
      server.api(f.path(`/assessments/${phase}/release`), { method: 'POST', token });
    await save(people[0]!, 'start', [
      { areaId: a!.id, rating: 1 },
      { areaId: b!.id, rating: 5 },
    ]);
    await save(people[1]!, 'start', [{ areaId: a!.id, rating: 2 }]);
    // Two answers are two people's answers: not yet.
    expect((await release(f.facilitator)).status).toBe(409);
    await save(people[2]!, 'start', [{ areaId: a!.id, rating: 4 }]);
    expect((await release(people[0]!)).status).toBe(403);
    const released = await release(f.facilitator);
    expect(released.status).toBe(200);

    const seen = await summary(people[0]!);
    const start = seen.phases[0]!;
    if (start.status !== 'released') throw new Error('expected the released averages');
    expect(start.answered).toBe(3);
    expect(start.areas[0]).toEqual({ areaId: a!.id, name: a!.name, average: 2.33, count: 3 });
    // Only one person rated the second area: its average would be their answer.
    expect(start.areas[1]).toEqual({ areaId: b!.id, name: b!.name, average: null, count: 1 });

    // A fourth answer, and a changed one, move nothing: no two snapshots tell an answer apart.
    await save(f.facilitator, 'start', [{ areaId: a!.id, rating: 5 }]);
    await save(people[0]!, 'start', [{ areaId: a!.id, rating: 5 }]);
    expect((await summary(people[1]!)).phases[0]).toEqual(start);
    expect((await release(f.facilitator)).status).toBe(409);
    expect((await summary(f.group.tokens.observer)).phases[0]).toEqual(start);
    // The summary carries no participant ids or per-person data at all.
    const text = JSON.stringify(await summary(f.facilitator));
    for (const m of f.members) expect(text).not.toContain(m.participantId);
  });

  it('lets the group ask for more answers than three before a release, never fewer', async () => {
    const [a] = await areas();
    const threshold = (token: string, minRespondents: number) =>
      server.api(f.path('/assessments/threshold'), { method: 'PUT', token, body: { minRespondents } });
    expect((await threshold(f.facilitator, 2)).status).toBe(400);
    expect((await threshold(f.members[0]!.participantToken, 5)).status).toBe(403);
    const raised = await threshold(f.facilitator, 4);
    expect(raised.status).toBe(200);
    expect((raised.body as AssessmentSummaryResponse).minRespondents).toBe(4);
    for (const m of f.members) await save(m.participantToken, 'end', [{ areaId: a!.id, rating: 3 }]);
    expect(
      (await server.api(f.path('/assessments/end/release'), { method: 'POST', token: f.facilitator })).status,
    ).toBe(409);
    await save(f.facilitator, 'end', [{ areaId: a!.id, rating: 3 }]);
    expect(
      (await server.api(f.path('/assessments/end/release'), { method: 'POST', token: f.facilitator })).status,
    ).toBe(200);
    expect((await summary(f.members[0]!.participantToken)).minRespondents).toBe(4);
  });

  it('offers no route to another person’s answers', async () => {
    const [a] = await areas();
    const anna = f.members[0]!;
    await save(anna.participantToken, 'start', [{ areaId: a!.id, rating: 5 }]);
    const ben = f.members[1]!.participantToken;
    for (const path of [
      `/assessments/${anna.participantId}`,
      `/assessments/mine/${anna.participantId}`,
      `/assessments/mine?participantId=${anna.participantId}`,
      `/assessments/start`,
      `/participants/${anna.participantId}/assessments`,
    ]) {
      const res = await server.api(f.path(path), { token: ben });
      expect(JSON.stringify(res.body)).not.toContain('"rating":5');
    }
    const mine = (await server.api(f.path(`/assessments/mine?participantId=${anna.participantId}`), { token: ben }))
      .body as OwnAssessmentsResponse;
    expect(mine.assessments).toEqual([]);
    // Ben saving cannot overwrite Anna's answer either: the author is always the token's participant.
    await save(ben, 'start', [{ areaId: a!.id, rating: 1 }]);
    const annas = (await server.api(f.path('/assessments/mine'), { token: anna.participantToken }))
      .body as OwnAssessmentsResponse;
    expect(annas.assessments[0]!.ratings).toEqual([{ areaId: a!.id, rating: 5 }]);
  });
});
