// The "where we were" card through the real API: after a break until the next meeting ends, and for
// someone who joined after meetings had ended.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { joinResponseSchema, whereWeWereSchema, type WhereWeWere } from '@vermeboard/shared';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';

let server: TestServer;
let f: GroupFixture;
beforeEach(async () => {
  server = await startTestServer();
  f = await createGroupFixture(server);
});
afterEach(async () => {
  await server.close();
});

const card = async (token: string): Promise<WhereWeWere> => {
  const res = await server.api(f.path('/where-we-were'), { token });
  expect(res.status).toBe(200);
  return whereWeWereSchema.parse(res.body);
};
const daysAgo = (n: number) => DateTime.now().setZone('Europe/Helsinki').minus({ days: n }).toISODate()!;

it('recalls the goals and open action items after a break, until a meeting ends after it', async () => {
  await server.api(f.path('/goals'), { token: f.facilitator, body: { text: 'Lead one partner meeting' } });
  await server.api(f.path('/action-items'), {
    token: f.facilitator,
    body: { meetingId: f.meetingId, text: 'Ask the city' },
  });
  await server.storage.endMeeting(f.meetingId, `${daysAgo(60)}T15:00:00.000Z`);
  // The shared member link is nobody in particular, so never a newcomer.
  const link = f.group.tokens.member;
  expect((await card(link)).reason).toBeNull();
  await server.api(f.path('/break'), {
    method: 'PUT',
    token: f.facilitator,
    body: { break: { from: daysAgo(50), to: daysAgo(2) } },
  });
  const after = await card(link);
  expect(after).toMatchObject({
    reason: 'afterBreak',
    break: { from: daysAgo(50), to: daysAgo(2) },
    goals: ['Lead one partner meeting'],
    openActionItems: [{ text: 'Ask the city', ownerName: null, dueDate: null }],
    summaries: [{ meetingId: f.meetingId }],
  });
  // The first meeting after the break ends: the card has done its work.
  const next = await server.api(f.path('/meetings'), { method: 'POST', token: f.facilitator });
  const meetingId = (next.body as { meetingId: typeof f.meetingId }).meetingId;
  await server.storage.endMeeting(meetingId, new Date().toISOString());
  expect((await card(link)).reason).toBeNull();
});

it('welcomes someone who joined after meetings had ended with the same card', async () => {
  await server.storage.endMeeting(f.meetingId, new Date().toISOString());
  // Those who were there from the start are no newcomers.
  expect((await card(f.members[0]!.participantToken)).reason).toBeNull();
  const joined = await server.api('/api/join', { body: { token: f.group.tokens.member, displayName: 'Dana' } });
  const dana = joinResponseSchema.parse(joined.body);
  expect(await card(dana.participantToken)).toMatchObject({
    reason: 'newcomer',
    newcomer: true,
    summaries: [{ meetingId: f.meetingId }],
  });
});

it('refuses a break that ends before it starts or lasts past the bound', async () => {
  const put = (b: unknown) => server.api(f.path('/break'), { method: 'PUT', token: f.facilitator, body: { break: b } });
  expect((await put({ from: '2031-08-01', to: '2031-06-01' })).status).toBe(400);
  expect((await put({ from: '2031-01-01', to: '2031-12-31' })).status).toBe(400);
  expect((await put({ from: '2031-06-01', to: '2031-08-01' })).status).toBe(200);
  expect((await server.api(f.path('/break'), { token: f.observer.participantToken })).body).toEqual({
    break: { from: '2031-06-01', to: '2031-08-01' },
  });
});
