// Between meetings: three members answer a date poll (two on desktop in English, one on a phone in
// Finnish), the facilitator books the best time, and the meeting's .ics and the group's calendar
// feed hold it at the right local time (read back with an iCalendar parser). After a summer break
// the group home and the first meeting's first step recall where the group was, and a newcomer's
// welcome does too. The new group-home sections are photographed into docs/screenshots/ (English
// desktop, Finnish phone).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import ical, { type VEvent } from 'node-ical';
import { press } from '../facilitation.js';
import { createGroup, startMeeting } from '../flows.js';
import { addGoal, backToGroup, buildAgenda, download, endMeeting } from '../process.js';
import { launchServer, moveMeetingEnd, type ServerProcess } from '../server.js';

let server: ServerProcess;
test.beforeAll(async () => {
  // Mail is on (nothing listens at that port: no test here books a meeting for someone with an
  // address, and a failed send would only be logged and retried).
  server = await launchServer({ SMTP_URL: 'smtp://127.0.0.1:9', SMTP_FROM: 'vermeboard@example.org' });
});
test.afterAll(async () => {
  await server?.stop();
});

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

// Far enough ahead to stay upcoming; March is winter time in Helsinki (UTC+2), June summer (UTC+3).
const slots = [
  { date: '2031-03-11', start: '17:30', minutes: '90' },
  { date: '2031-06-10', start: '18:00', minutes: '120' },
  { date: '2031-06-12', start: '09:00', minutes: '60' },
];
type Answer = 'yes' | 'maybe' | 'no';
const words: Record<'en' | 'fi', Record<Answer, string>> = {
  en: { yes: 'Yes', maybe: 'If need be', no: 'No' },
  fi: { yes: 'Kyllä', maybe: 'Tarvittaessa', no: 'Ei' },
};
// How each slot reads in the legend "Your answer for …" (weekday, day and month, year).
const slotPattern = {
  en: [/Mar 11, 2031/, /Jun 10, 2031/, /Jun 12, 2031/],
  fi: [/11\.3\.2031/, /10\.6\.2031/, /12\.6\.2031/],
};

async function joinGroup(page: Page, link: string, name: string, lang: 'en' | 'fi') {
  await page.goto(link);
  await page.getByLabel(lang === 'en' ? 'Your name' : 'Nimesi').fill(name);
  await page.getByRole('button', { name: lang === 'en' ? 'Join' : 'Liity' }).click();
  await page.getByRole('button', { name: lang === 'en' ? 'Continue to the group' : 'Jatka ryhmän sivulle' }).click();
}

async function answerPoll(page: Page, lang: 'en' | 'fi', answers: readonly Answer[]) {
  const section = page.getByRole('region', { name: lang === 'en' ? 'Find a common time' : 'Etsikää yhteinen aika' });
  for (const [i, a] of answers.entries()) {
    const legend = lang === 'en' ? 'Your answer for' : 'Vastauksesi ajalle';
    const group = section.getByRole('group', { name: new RegExp(`${legend} .*${slotPattern[lang][i]!.source}`) });
    await group.getByRole('radio', { name: words[lang][a], exact: true }).check();
  }
  await section.getByRole('button', { name: lang === 'en' ? 'Save my answers' : 'Tallenna vastaukseni' }).click();
  await expect(
    section.getByRole('status').filter({ hasText: lang === 'en' ? 'answers are saved' : 'on tallennettu' }),
  ).toBeVisible();
}

const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

test('three members find a common time, the facilitator books it, and it lands in the calendar', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const kaisa = page;
  const links = await createGroup(kaisa, server.url, 'Funding circle', 'Kaisa');

  const anna = await (await browser.newContext()).newPage();
  await joinGroup(anna, links.member, 'Anna', 'en');
  const cecilia = await (await browser.newContext()).newPage();
  await joinGroup(cecilia, links.member, 'Cecilia', 'en');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.addInitScript(() => localStorage.setItem('vermeboard.locale', 'fi'));
  const ben = await phone.newPage();
  await joinGroup(ben, links.member, 'Ben', 'fi');

  // Anna proposes three times.
  const annaPolls = anna.getByRole('region', { name: 'Find a common time' });
  await annaPolls.getByRole('button', { name: 'Propose times' }).click();
  const form = annaPolls.getByRole('form', { name: 'Propose times' });
  await form.getByLabel('What is it for?').fill('Spring meetings');
  for (const [i, s] of slots.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Add another time' }).click();
    const slot = form.getByRole('group', { name: `Time ${i + 1}` });
    await slot.getByLabel('Date').fill(s.date);
    await slot.getByLabel('Starts').fill(s.start);
    await slot.getByLabel('Length').selectOption(s.minutes);
  }
  await form.getByRole('button', { name: 'Send the poll' }).click();
  await expect(annaPolls.getByRole('heading', { name: 'Spring meetings' })).toBeVisible();

  // Everyone answers: Anna and Cecilia on desktop, Ben on his phone in Finnish.
  await answerPoll(anna, 'en', ['no', 'yes', 'yes']);
  await cecilia.reload();
  await answerPoll(cecilia, 'en', ['yes', 'maybe', 'no']);
  await ben.reload();
  await answerPoll(ben, 'fi', ['yes', 'yes', 'maybe']);
  // Anna changes her mind about June 12th: still one answer of hers, now "if need be".
  await answerPoll(anna, 'en', ['no', 'yes', 'maybe']);

  // The best time is first: June 10th has no "no" (2 yes, 1 if need be).
  await kaisa.reload();
  const polls = kaisa.getByRole('region', { name: 'Find a common time' });
  const first = polls.locator('.poll-slot').first();
  await expect(first).toContainText('Jun 10, 2031, 18:00–20:00');
  await expect(first).toContainText('Best time');
  await expect(first).toContainText('Yes 2 · If need be 1 · No 0');
  await expect(polls.locator('.poll-slot').nth(1)).toContainText('Mar 11, 2031');
  await expect(polls.getByText('Proposed by Anna · 3 people answered')).toBeVisible();
  await polls.screenshot({ path: `${shots}en-desktop-date-poll.png` });

  const benPolls = ben.getByRole('region', { name: 'Etsikää yhteinen aika' });
  await ben.reload();
  await expect(benPolls.locator('.poll-slot').first()).toContainText('10.6.2031');
  await benPolls.screenshot({ path: `${shots}fi-phone-date-poll.png` });

  // Kaisa books it: it leaves the poll and lands in the season plan and as the next meeting.
  await polls.getByRole('button', { name: /^Book .*Jun 10, 2031/ }).click();
  await expect(polls.getByText('Booked: Tue, Jun 10, 2031, 18:00–20:00')).toBeVisible();
  const plan = kaisa.getByRole('region', { name: 'Season plan' });
  await expect(plan.getByRole('list', { name: 'Planned meetings' }).getByRole('listitem')).toHaveCount(1);
  await expect(plan).toContainText('Times are in Europe/Helsinki.');
  await expect(kaisa.getByRole('region', { name: 'Next meeting' })).toContainText('18:00');
  await plan.screenshot({ path: `${shots}en-desktop-season-plan.png` });

  // The meeting's .ics: 18:00 Helsinki summer time is 15:00 UTC.
  const ics = await download(kaisa, plan.getByRole('button', { name: /Add the meeting of .* to your calendar/ }));
  expect(ics.fileName).toBe('meeting-2031-06-10.ics');
  const [event] = events(ics.bytes.toString('utf8'));
  expect(event!.start.toISOString()).toBe('2031-06-10T15:00:00.000Z');
  expect(event!.start.tz).toBe('Europe/Helsinki');
  expect(event!.end!.toISOString()).toBe('2031-06-10T17:00:00.000Z');

  // The feed: a member copies the address; a calendar app fetches it without any token.
  await ben.reload();
  const benPlan = ben.getByRole('region', { name: 'Kauden suunnitelma' });
  await expect(benPlan.getByRole('list', { name: 'Suunnitellut tapaamiset' })).toContainText('10.6.2031');
  const feedUrl = await benPlan.getByRole('textbox', { name: 'Kalenterin osoite' }).inputValue();
  expect(feedUrl).toMatch(/^http:\/\/.+\/api\/calendar\/[A-Za-z0-9_-]{22}\.ics$/);
  await benPlan.screenshot({ path: `${shots}fi-phone-season-plan.png` });
  const feed = await fetch(feedUrl);
  expect(feed.status).toBe(200);
  const [fed] = events(await feed.text());
  expect(fed!.start.toISOString()).toBe('2031-06-10T15:00:00.000Z');
  expect(fed!.summary).toBe('Funding circle: meeting');
  // The screenshots were written; make sure they are real images.
  expect((await readFile(`${shots}fi-phone-season-plan.png`)).subarray(1, 4).toString()).toBe('PNG');
});

test('a line posted between meetings is recalled in the next meeting’s goal recap', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const kaisa = page;
  const links = await createGroup(kaisa, server.url, 'Mentor circle', 'Kaisa');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.addInitScript(() => localStorage.setItem('vermeboard.locale', 'fi'));
  const anna = await phone.newPage();
  await joinGroup(anna, links.member, 'Anna', 'fi');

  // Anna posts on her phone, in Finnish; Kaisa thanks her and replies on her desktop.
  const line = 'Lähetin hakemusluonnoksen säätiölle – kommentit tervetulleita!';
  const annaStream = anna.getByRole('region', { name: 'Tapaamisten välillä' });
  await annaStream.getByRole('textbox', { name: 'Rivisi ryhmälle' }).fill(line);
  await annaStream.getByRole('button', { name: 'Lähetä' }).click();
  await expect(annaStream.getByRole('list', { name: 'Viestit' })).toContainText(line);

  await kaisa.reload();
  const stream = kaisa.getByRole('region', { name: 'Between meetings' });
  await expect(stream).toContainText(line);
  await stream.getByRole('button', { name: 'Thank Anna (0 so far)' }).click();
  await expect(stream.getByRole('button', { name: 'Take back your thanks to Anna (1 so far)' })).toBeVisible();
  await stream.getByRole('button', { name: 'Reply to Anna' }).click();
  const reply = stream.getByRole('form', { name: 'Your reply to Anna' });
  await reply.getByRole('textbox', { name: 'Your reply to Anna' }).fill('Great, I will read it this week.');
  await reply.getByRole('button', { name: 'Post' }).click();
  await expect(stream.locator('.stream-replies')).toContainText('I will read it this week');
  await stream.getByRole('button', { name: 'Pin' }).click();
  await expect(stream.getByText('Pinned')).toBeVisible();
  await stream.screenshot({ path: `${shots}en-desktop-stream.png` });
  await anna.reload();
  await expect(annaStream.locator('.stream-replies')).toContainText('I will read it this week');
  await annaStream.screenshot({ path: `${shots}fi-phone-stream.png` });

  // The next meeting opens with the goal recap; its column recalls the line.
  await startMeeting(kaisa);
  await buildAgenda(kaisa, ['Goal recap']);
  await press(kaisa, 'Start the meeting');
  const recap = kaisa.getByRole('region', { name: 'Since the last meeting' });
  await expect(recap).toContainText(line);
  await expect(recap).toContainText('Anna');
  await expect(recap).toContainText('I will read it this week');
});

/** The date `offset` days from today in Helsinki, the group's zone, as `YYYY-MM-DD`. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });

test('after the summer break the group picks up where it was, and a newcomer gets the same card', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const kaisa = page;
  const links = await createGroup(kaisa, server.url, 'Summer circle', 'Kaisa');
  await addGoal(kaisa, 'Lead one partner meeting');
  await startMeeting(kaisa);
  await buildAgenda(kaisa, ['Goal recap']);
  await press(kaisa, 'Start the meeting');
  const [, , groupId, , meetingId] = new URL(kaisa.url()).pathname.split('/');
  await endMeeting(kaisa);
  await backToGroup(kaisa, 'Summer circle');
  await expect(kaisa.getByRole('region', { name: 'Where we were' })).toHaveCount(0);
  // The meeting was before the summer.
  await server.stop();
  moveMeetingEnd(server, meetingId!, 60);
  await server.start();

  // Kaisa marks the break that has just ended: the home recalls where the group was.
  await kaisa.reload();
  const pause = kaisa.getByRole('region', { name: 'Summer break' });
  await pause.getByLabel('First day').fill(day(-50));
  await pause.getByLabel('Last day').fill(day(-2));
  await pause.getByRole('button', { name: 'Mark the break' }).click();
  await expect(pause.getByRole('status')).toHaveText('Saved.');
  await pause.screenshot({ path: `${shots}en-desktop-break.png` });
  await kaisa.reload();
  const card = kaisa.getByRole('region', { name: 'Where we were' });
  await expect(card).toContainText('Welcome back from the break');
  await expect(card).toContainText('Lead one partner meeting');
  await expect(card).toContainText('No open action items.');
  await expect(card.getByRole('link', { name: /^Summary of the meeting on/ })).toHaveAttribute(
    'href',
    `/g/${groupId}/m/${meetingId}/summary`,
  );
  await card.screenshot({ path: `${shots}en-desktop-where-we-were.png` });

  // Her own address for the group's mail: only she sees it.
  const mail = kaisa.getByRole('region', { name: 'Mail from the group' });
  await mail.getByRole('textbox', { name: 'Your email address' }).fill('not an address');
  await mail.getByRole('button', { name: 'Save address' }).click();
  await expect(mail.getByText('Write an email address like name@example.org.')).toBeVisible();
  await mail.getByRole('textbox', { name: 'Your email address' }).fill('kaisa@example.org');
  await mail.getByRole('button', { name: 'Save address' }).click();
  await expect(mail.getByRole('status')).toHaveText('Saved. Mail goes to kaisa@example.org.');
  await mail.screenshot({ path: `${shots}en-desktop-mail.png` });

  // Dana joins now, on her phone in Finnish: her welcome tells her what she missed.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.addInitScript(() => localStorage.setItem('vermeboard.locale', 'fi'));
  const dana = await phone.newPage();
  await dana.goto(links.member);
  await dana.getByLabel('Nimesi').fill('Dana');
  await dana.getByRole('button', { name: 'Liity' }).click();
  const welcome = dana.getByRole('region', { name: 'Mihin jäimme' });
  await expect(welcome).toContainText('Ryhmä on tavannut jo ennen kuin liityit.');
  await expect(welcome.getByRole('link', { name: /^Yhteenveto tapaamisesta/ })).toHaveAttribute(
    'href',
    `/g/${groupId}/m/${meetingId}/summary`,
  );
  await dana.screenshot({ path: `${shots}fi-phone-welcome-newcomer.png`, fullPage: true });
  // The welcome leads to the last meeting's board; the group home is one link away.
  await dana.getByRole('button', { name: 'Jatka tapaamiseen' }).click();
  await dana.getByRole('link', { name: 'Takaisin ryhmään' }).click();
  const danaCard = dana.getByRole('region', { name: 'Mihin jäimme' });
  await expect(danaCard).toContainText('Tervetuloa takaisin tauolta');
  await expect(danaCard).toContainText('Lead one partner meeting');
  await danaCard.screenshot({ path: `${shots}fi-phone-where-we-were.png` });
  const danaMail = dana.getByRole('region', { name: 'Ryhmän sähköpostit' });
  await expect(danaMail.getByRole('textbox', { name: 'Sähköpostiosoitteesi' })).toHaveValue('');
  await expect(danaMail).toContainText('Et saa nyt sähköpostia.');
  await danaMail.screenshot({ path: `${shots}fi-phone-mail.png` });
  await expect(dana.getByRole('region', { name: 'Kesätauko' })).toContainText('Tauko:');
  await expect(dana.getByRole('button', { name: 'Merkitse tauko' })).toHaveCount(0);

  // The first meeting after the break opens with the card in the meeting's column.
  await startMeeting(kaisa);
  await buildAgenda(kaisa, ['Check-in round']);
  await press(kaisa, 'Start the meeting');
  const column = kaisa.getByRole('region', { name: 'Where we were' });
  await expect(column).toContainText('Welcome back from the break');
  await expect(column).toContainText('Lead one partner meeting');
  await column.screenshot({ path: `${shots}en-desktop-meeting-where-we-were.png` });
});
