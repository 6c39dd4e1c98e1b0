// The program page's figures for a seeded program of five groups and twenty meetings: attendance
// and the facilitation rotation as seeded, open action items, and the released self-assessment
// averages per group and over the program.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { programResponseSchema, type ProgramResponse } from '@vermeboard/shared';
import { seedProgram, type SeededProgram } from '../seed/programSeed.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';

let server: TestServer;
let seeded: SeededProgram;
let page: ProgramResponse;

beforeAll(async () => {
  server = await startTestServer();
  seeded = await seedProgram(server.storage);
  const res = await server.api(`/api/programs/${seeded.programId}`, { token: seeded.coordinatorToken });
  expect(res.status).toBe(200);
  page = programResponseSchema.parse(res.body);
});
afterAll(async () => {
  await server.close();
});

it('lists the five groups with their twenty meetings, attendance and who facilitated', () => {
  expect(page.groups.map((g) => g.name)).toEqual(seeded.groups.map((g) => g.name));
  expect(page.groups.flatMap((g) => g.meetings)).toHaveLength(20);
  for (const [i, group] of page.groups.entries()) {
    const expected = seeded.groups[i]!;
    expect(group.members).toBe(6);
    expect(group.meetings.map((m) => [m.id, m.attended, m.facilitator])).toEqual(
      expected.meetings.map((m) => [m.meetingId, m.attended, m.facilitator]),
    );
  }
  // The rotation: four different people facilitated each group's four meetings.
  for (const group of page.groups) expect(new Set(group.meetings.map((m) => m.facilitator)).size).toBe(4);
  // Spot checks against the seed's rule, written out: group 1 (Kumpula) had 4, 3, 5, 4 people.
  expect(page.groups[1]!.meetings.map((m) => m.attended)).toEqual([4, 3, 5, 4]);
  expect(page.groups[1]!.meetings.map((m) => m.facilitator)).toEqual(['Noora', 'Oona', 'Pekka', 'Sanna']);
});

it('counts open action items and planned meetings, and shows released averages only', () => {
  expect(page.groups.map((g) => g.openActionItems)).toEqual([1, 2, 3, 4, 5]);
  expect(page.groups.map((g) => g.planned)).toEqual([
    { date: '2026-04-07', time: '17:00' },
    { date: '2026-04-08', time: '17:00' },
    { date: '2026-04-09', time: '17:00' },
    null,
    null,
  ]);
  expect(page.groups.map((g) => g.assessment)).toEqual([
    [{ phase: 'start', answered: 4, average: 3.75 }],
    [{ phase: 'start', answered: 4, average: 2.75 }],
    [],
    [],
    [],
  ]);
  expect(page.assessment).toEqual([{ phase: 'start', groups: 2, answered: 8, average: 3.25 }]);
});
