// Date polls, the season plan and the calendar through the real API; the calendars are read back
// with an independent iCalendar parser (node-ical).
import ical, { type VEvent } from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatePoll, DatePollsResponse, GroupSettingsResponse, SeasonPlanResponse } from '@vermeboard/shared';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture, type GroupFixture } from './groupFixture.testkit.js';

let server: TestServer;
let f: GroupFixture;
beforeEach(async () => {
  server = await startTestServer();
  f = await createGroupFixture(server, { members: ['Anna', 'Ben', 'Cecilia'] });
});
afterEach(async () => {
  await server.close();
});

// Far enough ahead to stay upcoming; one in winter time (UTC+2), one in summer time (UTC+3).
const slots = [
  { date: '2031-03-11', start: '17:30', minutes: 90 },
  { date: '2031-06-10', start: '18:00', minutes: 120 },
  { date: '2031-06-12', start: '09:00', minutes: 60 },
];

async function createPoll(token = f.members[0]!.participantToken): Promise<DatePoll> {
  const res = await server.api(f.path('/date-polls'), { token, body: { title: 'Spring meetings', slots } });
  expect(res.status).toBe(201);
  return res.body as DatePoll;
}

const slotAt = (poll: DatePoll, date: string) => poll.slots.find((s) => s.date === date)!;
const answer = (token: string, poll: DatePoll, answers: Record<string, 'yes' | 'maybe' | 'no'>) =>
  server.api(f.path(`/date-polls/${poll.id}/answers`), {
    method: 'PUT',
    token,
    body: { answers: Object.entries(answers).map(([date, a]) => ({ slotId: slotAt(poll, date).id, answer: a })) },
  });

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('date polls', () => {
  it('collect one changeable answer per person and rank the best times first', async () => {
    const poll = await createPoll();
    expect(poll.slots.map((s) => s.date)).toEqual(['2031-03-11', '2031-06-10', '2031-06-12']);
    const [anna, ben, cecilia] = f.members.map((m) => m.participantToken) as [string, string, string];
    expect((await answer(anna, poll, { '2031-03-11': 'no', '2031-06-10': 'yes', '2031-06-12': 'yes' })).status).toBe(
      200,
    );
    await answer(ben, poll, { '2031-03-11': 'yes', '2031-06-10': 'maybe', '2031-06-12': 'yes' });
    await answer(cecilia, poll, { '2031-03-11': 'yes', '2031-06-10': 'yes', '2031-06-12': 'no' });
    // Anna changes her mind about March: the earlier answer is replaced, not added to.
    const changed = await answer(anna, poll, { '2031-03-11': 'maybe', '2031-06-10': 'yes', '2031-06-12': 'yes' });
    const ranked = changed.body as DatePoll;
    // Fewest "no" first, then most "yes", most "if need be", then the earliest: 11 March and 10 June
    // tie (2 yes, 1 if need be) and go by date; 12 June has a "no" and comes last.
    expect(ranked.slots.map((s) => [s.date, s.yes, s.maybe, s.no])).toEqual([
      ['2031-03-11', 2, 1, 0],
      ['2031-06-10', 2, 1, 0],
      ['2031-06-12', 2, 0, 1],
    ]);
    expect(ranked.respondents).toBe(3);
    expect(ranked.createdByName).toBe('Anna');
    expect(slotAt(ranked, '2031-03-11').answers).toEqual(
      expect.arrayContaining([{ participantId: f.members[0]!.participantId, displayName: 'Anna', answer: 'maybe' }]),
    );
    const listed = (await server.api(f.path('/date-polls'), { token: f.observer.participantToken })).body;
    expect((listed as DatePollsResponse).polls.map((p) => p.id)).toEqual([poll.id]);
  });

  it('refuse observers, shared links for answers, foreign slots and oversized bodies', async () => {
    expect((await createPoll(f.facilitator)).slots).toHaveLength(3);
    const poll = await createPoll();
    const observer = await server.api(f.path('/date-polls'), {
      token: f.observer.participantToken,
      body: { title: 'x', slots },
    });
    expect(observer.status).toBe(403);
    expect((await answer(f.group.tokens.member, poll, { '2031-03-11': 'yes' })).status).toBe(403);
    const foreign = await server.api(f.path(`/date-polls/${poll.id}/answers`), {
      method: 'PUT',
      token: f.members[0]!.participantToken,
      body: { answers: [{ slotId: 'slot-of-nothing', answer: 'yes' }] },
    });
    expect(foreign.status).toBe(400);
    const tooMany = Array.from({ length: 21 }, (_, i) => ({
      date: '2031-01-01',
      start: `0${i % 10}:${10 + i}`,
      minutes: 60,
    }));
    const big = await server.api(f.path('/date-polls'), { token: f.facilitator, body: { title: 'x', slots: tooMany } });
    expect(big.status).toBe(400);
    const twice = await server.api(f.path('/date-polls'), {
      token: f.facilitator,
      body: { title: 'x', slots: [slots[0], slots[0]] },
    });
    expect(twice.status).toBe(400);
    const maybeNot = await server.api(f.path('/date-polls'), {
      token: f.facilitator,
      body: { title: 'x', slots: [{ ...slots[0], minutes: 5 }] },
    });
    expect(maybeNot.status).toBe(400);
  });

  it('are booked by the facilitator once, into the season plan and the next meeting', async () => {
    const poll = await createPoll();
    const june = slotAt(poll, '2031-06-10');
    const book = (token: string, slotId = june.id) =>
      server.api(f.path(`/date-polls/${poll.id}/book`), { token, body: { slotId, theme: 'Funding' } });
    expect((await book(f.members[0]!.participantToken)).status).toBe(403);
    const booked = await book(f.facilitator);
    expect(booked.status).toBe(201);
    const { poll: closed, plan } = booked.body as { poll: DatePoll; plan: SeasonPlanResponse };
    expect(closed.bookedSlotId).toBe(june.id);
    expect(plan.meetings).toEqual([
      {
        id: expect.any(String),
        date: '2031-06-10',
        time: '18:00',
        minutes: 120,
        theme: 'Funding',
        place: null,
        fromPollId: poll.id,
      },
    ]);
    expect((await book(f.facilitator, slotAt(poll, '2031-03-11').id)).status).toBe(409);
    expect((await answer(f.members[1]!.participantToken, poll, { '2031-03-11': 'yes' })).status).toBe(409);
    const settings = (await server.api(f.path('/settings'), { token: f.facilitator })).body as GroupSettingsResponse;
    expect(settings.nextMeeting).toMatchObject({ date: '2031-06-10', time: '18:00', theme: 'Funding' });
  });
});

describe('the season plan and calendar', () => {
  it('downloads each meeting and the feed with the local time in the group’s zone', async () => {
    const poll = await createPoll();
    const booked = await server.api(f.path(`/date-polls/${poll.id}/book`), {
      token: f.facilitator,
      body: { slotId: slotAt(poll, '2031-06-10').id },
    });
    const added = await server.api(f.path('/plan'), {
      token: f.facilitator,
      body: { date: '2031-03-11', time: '17:30', minutes: 90, theme: 'Kick-off', place: 'Room 4' },
    });
    expect(added.status).toBe(201);
    const plan = added.body as SeasonPlanResponse;
    expect(plan.timeZone).toBe('Europe/Helsinki');
    expect(plan.meetings.map((m) => m.date)).toEqual(['2031-03-11', '2031-06-10']);
    expect(booked.status).toBe(201);

    const one = await server.api(f.path(`/plan/${plan.meetings[1]!.id}.ics`), { token: f.observer.participantToken });
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/^text\/calendar/);
    const [june] = events(one.body as string);
    // 18:00 in Helsinki in June (EEST, UTC+3) is 15:00 UTC.
    expect(june!.start.toISOString()).toBe('2031-06-10T15:00:00.000Z');
    expect(june!.end!.toISOString()).toBe('2031-06-10T17:00:00.000Z');
    expect(june!.start.tz).toBe('Europe/Helsinki');
    expect(june!.summary).toBe('Project leads: meeting');
    expect(one.body as string).toContain('DTSTART;TZID=Europe/Helsinki:20310610T180000');

    // The feed: no bearer token, the link is the capability.
    const feed = await server.api(plan.feedPath!);
    expect(feed.status).toBe(200);
    const all = events(feed.body as string).sort((a, b) => +a.start - +b.start);
    // 17:30 in Helsinki in March (EET, UTC+2) is 15:30 UTC.
    expect(all.map((e) => [e.start.toISOString(), e.summary, e.location ?? null])).toEqual([
      ['2031-03-11T15:30:00.000Z', 'Project leads: Kick-off', 'Room 4'],
      ['2031-06-10T15:00:00.000Z', 'Project leads: meeting', null],
    ]);
    // Observers see the plan but get no feed link.
    const observed = (await server.api(f.path('/plan'), { token: f.observer.participantToken })).body;
    expect(observed as SeasonPlanResponse).not.toHaveProperty('feedPath');

    // Another zone: the same local time, another instant.
    const moved = await server.api(f.path('/time-zone'), {
      method: 'PUT',
      token: f.facilitator,
      body: { timeZone: 'Europe/Stockholm' },
    });
    expect(moved.status).toBe(200);
    const stockholm = events((await server.api(plan.feedPath!)).body as string).find((e) =>
      String(e.summary).endsWith('meeting'),
    );
    expect(stockholm!.start.toISOString()).toBe('2031-06-10T16:00:00.000Z');
    const bad = await server.api(f.path('/time-zone'), {
      method: 'PUT',
      token: f.facilitator,
      body: { timeZone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(400);

    // Renewing the feed link retires the old one.
    const rotated = await server.api(f.path('/calendar/rotate'), { method: 'POST', token: f.facilitator });
    expect(rotated.status).toBe(200);
    const newPath = (rotated.body as SeasonPlanResponse).feedPath!;
    expect(newPath).not.toBe(plan.feedPath);
    expect((await server.api(plan.feedPath!)).status).toBe(404);
    expect((await server.api(newPath)).status).toBe(200);
    expect(
      (await server.api(f.path('/calendar/rotate'), { method: 'POST', token: f.members[0]!.participantToken })).status,
    ).toBe(403);
  });

  it('books the date agreed in the closing step, or confirms the planned meeting on it', async () => {
    await server.api(f.path('/plan'), { token: f.facilitator, body: { date: '2031-03-11', time: '17:30' } });
    const put = (body: unknown) =>
      server.api(f.path('/next-meeting'), { method: 'PUT', token: f.members[0]!.participantToken, body });
    // Confirmed: the planned meeting on that date takes the agreed time and theme.
    expect((await put({ date: '2031-03-11', time: '18:00', place: null, theme: 'Mentoring' })).status).toBe(200);
    // Booked: a date not in the plan joins it.
    await put({ date: '2031-04-08', time: '17:00', place: 'Library', theme: null });
    const plan = (await server.api(f.path('/plan'), { token: f.facilitator })).body as SeasonPlanResponse;
    expect(plan.meetings.map((m) => [m.date, m.time, m.theme, m.place])).toEqual([
      ['2031-03-11', '18:00', 'Mentoring', null],
      ['2031-04-08', '17:00', null, 'Library'],
    ]);
    // Members keep the next meeting; only the facilitator edits the plan directly.
    expect(
      (
        await server.api(f.path('/plan'), {
          token: f.members[0]!.participantToken,
          body: { date: '2031-05-01', time: '17:00' },
        })
      ).status,
    ).toBe(403);
  });
});
