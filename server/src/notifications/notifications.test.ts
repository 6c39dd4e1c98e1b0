// Mail between meetings, end to end: a real server mails a real local SMTP server (smtp-server),
// and the messages are read back with mailparser and the .ics with node-ical.
import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroupLocale, MailSettingsResponse } from '@vermeboard/shared';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { startSmtpInbox, type SmtpInbox } from './smtpInbox.testkit.js';

let inbox: SmtpInbox;
let server: TestServer;
let f: GroupFixture;

async function setUp(locale: GroupLocale, env: Record<string, string> = {}) {
  inbox = await startSmtpInbox();
  server = await startTestServer({ SMTP_URL: inbox.url, SMTP_FROM: 'vermeboard@example.org', ...env });
  f = await createGroupFixture(server, { members: ['Anna', 'Ben', 'Cecilia'], locale });
}
afterEach(async () => {
  await server?.close();
  await inbox?.close();
});

const token = (i: number) => f.members[i]!.participantToken;
const setAddress = (t: string, address: string) =>
  server.api(f.path('/mail'), { method: 'PUT', token: t, body: { address } });
const helsinki = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Helsinki' });
/** Tomorrow in Helsinki, and ten in the morning today there: when the reminder for tomorrow goes. */
function tomorrowAndMorning() {
  const today = DateTime.now().setZone('Europe/Helsinki').startOf('day');
  return { tomorrow: today.plus({ days: 1 }).toISODate()!, morning: today.set({ hour: 10 }).toJSDate() };
}
const recipients = (mails: { to?: unknown }[]) =>
  mails.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address).sort();

function icsEvents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe.each([
  ['fi', 'seuraava tapaaminen', 'Teema: Kevään suunnitelma', 'kesäkuuta'],
  ['en', 'next meeting', 'Theme: Kevään suunnitelma', 'June'],
] as const)('mail in %s', (locale, bookedWord, themeLine, monthWord) => {
  beforeEach(() => setUp(locale));

  it('mails the booked date with an .ics at the group’s local time, only to those with an address', async () => {
    expect((await setAddress(token(0), 'anna@example.org')).status).toBe(200);
    expect((await setAddress(token(1), 'ben@example.org')).status).toBe(200);
    // Ben takes his address back: he gets nothing.
    expect((await server.api(f.path('/mail'), { method: 'DELETE', token: token(1) })).status).toBe(204);
    const booked = await server.api(f.path('/plan'), {
      token: f.facilitator,
      body: { date: '2031-06-10', time: '18:00', minutes: 90, theme: 'Kevään suunnitelma', place: 'Room 4' },
    });
    expect(booked.status).toBe(201);
    const [mail] = await inbox.waitFor(1);
    await server.notifications.idle();
    expect(recipients(inbox.messages)).toEqual(['anna@example.org']);
    expect(mail!.from?.value[0]?.address).toBe('vermeboard@example.org');
    expect(mail!.subject).toContain(bookedWord);
    expect(mail!.subject).toContain(monthWord);
    expect(mail!.text).toContain(themeLine);
    expect(mail!.text).toContain('Room 4');
    // Without PUBLIC_URL the server cannot link to itself: no stop link, no List-Unsubscribe.
    expect(mail!.headerLines.map((h) => h.key)).not.toContain('list-unsubscribe');
    expect(mail!.headerLines.map((h) => h.key)).not.toContain('list-unsubscribe-post');
    expect(mail!.text).not.toContain('http');
    const ics = mail!.attachments.find((a) => a.filename === 'meeting.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const text = ics!.content.toString('utf8');
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20310610T180000');
    const [event] = icsEvents(text);
    // 18:00 in Helsinki in summer time is 15:00 UTC.
    expect(new Date(event!.start).toISOString()).toBe(
      helsinki('2031-06-10T18:00').toUTC().toISO({ suppressMilliseconds: false }),
    );
  });

  it('reminds the day before and sends the weekly digest once each, also across a restart', async () => {
    await setAddress(token(0), 'anna@example.org');
    await setAddress(f.facilitator, 'kaisa@example.org');
    const { tomorrow, morning } = tomorrowAndMorning();
    await server.api(f.path('/plan'), { token: f.facilitator, body: { date: tomorrow, time: '17:00', theme: null } });
    await inbox.waitFor(2);
    await server.notifications.idle();
    await server.api(f.path('/stream'), { token: token(1), body: { text: 'Found a good article on feedback' } });
    await server.api(f.path('/action-items'), {
      token: f.facilitator,
      body: { meetingId: f.meetingId, text: 'Draft the partner letter' },
    });
    await server.notifications.sweep(morning);
    const mails = (await inbox.waitFor(6)).slice(2);
    expect(mails).toHaveLength(4);
    const reminder = mails.find((m) => m.to && recipients([m])[0] === 'anna@example.org' && !m.text?.includes('Found'));
    const digest = mails.find((m) => m.to && recipients([m])[0] === 'anna@example.org' && m.text?.includes('Found'));
    expect(reminder?.subject).toContain(locale === 'fi' ? 'tapaaminen huomenna' : 'meeting tomorrow');
    expect(reminder?.text).toContain('17.00'.replace('.', locale === 'fi' ? '.' : ':'));
    expect(digest?.subject).toContain(locale === 'fi' ? 'viikko tapaamisten välissä' : 'this week between meetings');
    expect(digest?.text).toContain('Ben: Found a good article on feedback');
    expect(digest?.text).toContain('Draft the partner letter');
    expect(digest?.text).toContain(locale === 'fi' ? 'Avoimet sovitut tehtävät' : 'Open action items');

    // Sweeping again, or after a restart, sends nothing new.
    await server.notifications.sweep(morning);
    server = await server.restart();
    await server.notifications.sweep(morning);
    await server.notifications.idle();
    expect(inbox.messages).toHaveLength(6);
  });
});

describe.each([
  ['fi', 'Tai lopeta nämä viestit yhdellä painalluksella: '],
  ['en', 'Or stop these mails with one press: '],
  ['sv', 'Eller stoppa de här mejlen med ett klick: '],
] as const)('with PUBLIC_URL, mail in %s', (locale, stopLine) => {
  beforeEach(() => setUp(locale, { PUBLIC_URL: 'https://vb.example.org/' }));

  it('carries a one-click stop address and a stop link, each for its addressee’s own address', async () => {
    await setAddress(token(0), 'anna@example.org');
    await setAddress(token(1), 'ben@example.org');
    await server.api(f.path('/plan'), { token: f.facilitator, body: { date: '2031-06-10', time: '18:00' } });
    const mails = await inbox.waitFor(2);
    const links = mails.map((mail) => {
      const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ');
      const api = /^List-Unsubscribe: <https:\/\/vb\.example\.org\/api\/mail\/unsubscribe\?t=([\w.-]+)>$/.exec(
        header('list-unsubscribe') ?? '',
      );
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const lastLine = mail.text!.trimEnd().split('\n').at(-1)!;
      expect(lastLine.startsWith(stopLine), lastLine).toBe(true);
      const page = /^https:\/\/vb\.example\.org\/mail\/stop#([\w.-]+)$/.exec(lastLine.slice(stopLine.length));
      expect(page?.[1]).toBe(api?.[1]);
      return { to: recipients([mail])[0], token: api![1]! };
    });
    // Anna's link and Ben's are their own: neither stops the other's mail.
    const anna = links.find((l) => l.to === 'anna@example.org')!;
    const ben = links.find((l) => l.to === 'ben@example.org')!;
    expect(anna.token).not.toBe(ben.token);
    expect(anna.token.split('.')[1]).toBe(f.members[0]!.participantId);
  });
});

describe('mail', () => {
  beforeEach(() => setUp('fi'));

  it('pauses reminders and digests during the break', async () => {
    await setAddress(token(0), 'anna@example.org');
    const { tomorrow, morning } = tomorrowAndMorning();
    await server.api(f.path('/plan'), { token: f.facilitator, body: { date: tomorrow, time: '17:00' } });
    await inbox.waitFor(1);
    await server.api(f.path('/stream'), { token: token(1), body: { text: 'Hello' } });
    const today = DateTime.fromJSDate(morning).setZone('Europe/Helsinki').toISODate()!;
    const set = await server.api(f.path('/break'), {
      method: 'PUT',
      token: f.facilitator,
      body: { break: { from: today, to: tomorrow } },
    });
    expect(set.status).toBe(200);
    await server.notifications.sweep(morning);
    await server.notifications.idle();
    expect(inbox.messages).toHaveLength(1);
    // Members cannot mark a break.
    expect((await server.api(f.path('/break'), { method: 'PUT', token: token(0), body: { break: null } })).status).toBe(
      403,
    );
  });

  it('retries a refused mail on the next run and sends it once', async () => {
    await setAddress(token(0), 'anna@example.org');
    inbox.refuse(1);
    await server.api(f.path('/plan'), { token: f.facilitator, body: { date: '2031-06-10', time: '18:00' } });
    await server.notifications.idle();
    expect(inbox.refused()).toBe(1);
    expect(inbox.messages).toHaveLength(0);
    await server.notifications.sweep();
    await inbox.waitFor(1);
    await server.notifications.sweep();
    await server.notifications.idle();
    expect(inbox.messages).toHaveLength(1);
  });

  it('keeps an address its owner’s alone, and forgets it when the participant is removed', async () => {
    expect((await setAddress(token(0), '  anna@example.org ')).body).toEqual({
      enabled: true,
      address: 'anna@example.org',
    });
    const bad = await setAddress(token(1), 'not an address');
    expect(bad.status).toBe(400);
    expect((await setAddress(token(1), `${'a'.repeat(250)}@example.org`)).status).toBe(400);
    // Each sees only their own; an observer and a shared link have none.
    expect((await server.api(f.path('/mail'), { token: token(1) })).body).toEqual({ enabled: true, address: null });
    expect((await server.api(f.path('/mail'), { token: f.observer.participantToken })).status).toBe(403);
    expect((await server.api(f.path('/mail'), { token: f.group.tokens.member })).status).toBe(403);
    for (const path of ['', '/members', '/settings', '/where-we-were']) {
      const seen = await server.api(f.path(path), { token: f.facilitator });
      expect(JSON.stringify(seen.body)).not.toContain('anna@example.org');
    }
    const anna = f.members[0]!.participantId;
    expect((await server.api(f.path(`/participants/${anna}`), { method: 'DELETE', token: f.facilitator })).status).toBe(
      200,
    );
    expect(await server.storage.getMailAddress(anna)).toBeNull();
    await server.api(f.path('/plan'), { token: f.facilitator, body: { date: '2031-06-10', time: '18:00' } });
    await server.notifications.idle();
    expect(inbox.messages).toHaveLength(0);
  });
});

it('keeps no addresses without SMTP, and the rest works as before', async () => {
  server = await startTestServer();
  f = await createGroupFixture(server);
  const mail = await server.api(f.path('/mail'), { token: token(0) });
  expect(mail.body satisfies unknown as MailSettingsResponse).toEqual({ enabled: false, address: null });
  expect((await setAddress(token(0), 'anna@example.org')).status).toBe(409);
  expect(
    (await server.api(f.path('/plan'), { token: f.facilitator, body: { date: '2031-06-10', time: '18:00' } })).status,
  ).toBe(201);
});
