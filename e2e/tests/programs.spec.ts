// Programs in real Chromium: the program page of a seeded program (five groups, twenty meetings)
// shows each meeting's attendance and who facilitated, in English on a desktop and in Finnish on a
// phone; and an encounter that members of two groups join from their own group homes, with their
// own identities, while the coordinator facilitates.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { frameLabel, framesOnBoard } from '../facilitation.js';
import { createGroup, drawRectangle, joinByLink, shapes, startMeeting, waitForBoard } from '../flows.js';
import { launchServer, seedProgram, type ServerProcess } from '../server.js';

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const finnish = () => localStorage.setItem('vermeboard.locale', 'fi');

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The rows of a group's meetings table, as its cells' texts (date left out). */
async function meetingRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await expect(table).toBeVisible();
  const rows = await table.getByRole('row').all();
  const cells = [];
  for (const row of rows.slice(1)) cells.push((await row.getByRole('cell').allInnerTexts()).slice(1, 3));
  return cells;
}

test('the program page shows attendance and the facilitation rotation of a seeded program', async ({ browser }) => {
  test.setTimeout(180_000);
  await server.stop();
  const seeded = seedProgram(server);
  await server.start();
  expect(seeded.groups.flatMap((g) => g.meetings)).toHaveLength(20);

  const desktop = await browser.newContext();
  const page = await desktop.newPage();
  await page.goto(`${server.url}/coordinate#${seeded.coordinatorToken}`);
  await expect(page.getByRole('heading', { level: 1, name: seeded.name })).toBeVisible();
  // The token left the address: the page is the program's.
  expect(new URL(page.url()).pathname).toBe(`/p/${seeded.programId}`);
  for (const group of seeded.groups) {
    expect(await meetingRows(page, `Meetings of ${group.name}`)).toEqual(
      group.meetings.map((m) => [`${m.attended} of 6`, m.facilitator]),
    );
  }
  await expect(page.getByText('3.25 on average, 8 answers from 2 groups')).toBeVisible();
  await page.screenshot({ path: `${shots}program-page.png`, fullPage: true });
  await desktop.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.addInitScript(finnish);
  const fi = await phone.newPage();
  await fi.goto(`${server.url}/coordinate#${seeded.coordinatorToken}`);
  await expect(fi.getByRole('heading', { level: 1, name: seeded.name })).toBeVisible();
  for (const group of seeded.groups) {
    expect(await meetingRows(fi, `Ryhmän ${group.name} tapaamiset`)).toEqual(
      group.meetings.map((m) => [`${m.attended} / 6`, m.facilitator]),
    );
  }
  await expect(fi.getByText('keskimäärin 3,25, 8 vastausta 2 ryhmästä')).toBeVisible();
  // Nothing wider than the phone: the tables fit or scroll inside their card.
  // (A mobile browser widens its layout viewport to the content, so compare with the device's width.)
  expect(await fi.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await fi.screenshot({ path: `${shots}fi-phone-program-page.png` });
  await phone.close();
});

test('members of two groups meet in an encounter with their own links', async ({ browser }) => {
  // Six browsers on a shared machine: joining and loading six boards takes a while.
  test.setTimeout(420_000);
  // Riikka creates the program on the home page.
  const coordinatorContext = await browser.newContext();
  const riikka = await coordinatorContext.newPage();
  await riikka.goto(server.url);
  const create = riikka.getByRole('region', { name: 'Create a program' });
  await create.getByLabel('Program name').fill('Leadership 2026');
  await create.getByLabel('Coordinator’s name (yours)').fill('Riikka');
  await create.getByRole('button', { name: 'Create the program' }).click();
  await expect(riikka.getByRole('heading', { level: 1, name: 'Leadership 2026' })).toBeVisible();

  // She creates North inside the program and hands its facilitator link to Kaisa.
  await riikka.getByLabel('Group name').fill('North');
  await riikka.getByRole('button', { name: 'Create the group' }).click();
  const northLink = await riikka.getByRole('textbox', { name: 'Facilitator link of North' }).inputValue();
  const kaisaContext = await browser.newContext();
  const kaisa = await kaisaContext.newPage();
  await kaisa.goto(northLink);
  await kaisa.getByLabel('Your name').fill('Kaisa');
  await kaisa.getByRole('button', { name: 'Join' }).click();
  await kaisa.getByRole('button', { name: 'Continue to the group' }).click();
  await expect(kaisa.getByRole('heading', { name: 'North' })).toBeVisible();
  const northMember = await kaisa.getByRole('textbox', { name: 'Member link' }).inputValue();

  // South exists already; Riikka asks it to join and its facilitator Sami accepts on the group home.
  const samiContext = await browser.newContext();
  const sami = await samiContext.newPage();
  const south = await createGroup(sami, server.url, 'South', 'Sami');
  await riikka.getByLabel('The group’s address or id').fill(sami.url());
  await riikka.getByRole('button', { name: 'Send the request' }).click();
  await expect(riikka.getByText('Request sent.')).toBeVisible();
  await sami.reload();
  const accept = sami.getByRole('button', { name: 'Accept the request of Leadership 2026' });
  await accept.scrollIntoViewIfNeeded();
  await sami.screenshot({ path: test.info().outputPath('group-home-request.png') });
  await accept.click();
  await expect(
    sami.getByText('This group belongs to the program “Leadership 2026”, coordinated by Riikka.'),
  ).toBeVisible();

  // One member per group joins their own group.
  const anna = await joinGroup(browser, northMember, 'Anna');
  const ben = await joinGroup(browser, south.member, 'Ben');

  // Riikka starts an encounter of both groups and lands on its board as its facilitator.
  await riikka.reload();
  const encounters = riikka.getByRole('region', { name: 'Encounters' });
  await encounters.getByRole('checkbox', { name: 'North' }).check();
  await encounters.getByRole('checkbox', { name: 'South' }).check();
  await encounters.getByRole('button', { name: 'Start an encounter' }).click();
  await waitForBoard(riikka);
  await expect(riikka.getByRole('link', { name: 'Back to the program' })).toBeVisible();

  // Anna and Ben join from their own group homes, with their own identities.
  for (const member of [anna, ben]) {
    await member.reload();
    await member.getByRole('link', { name: 'Join the encounter' }).click();
    await waitForBoard(member);
  }
  const people = (page: Page) => page.getByRole('list', { name: 'People here' });
  for (const page of [riikka, anna, ben]) {
    for (const name of ['Riikka', 'Anna', 'Ben']) await expect(people(page).getByText(name).first()).toBeVisible();
  }
  // They share one board: Anna draws as herself (the server's board checks accept her), Ben sees it.
  const before = await shapes(ben).count();
  await drawRectangle(anna, 300, 300);
  await expect(shapes(ben)).toHaveCount(before + 1);
  await expect(shapes(riikka)).toHaveCount(before + 1);
  await anna.screenshot({ path: test.info().outputPath('encounter-anna.png') });
  await riikka.screenshot({ path: test.info().outputPath('encounter-riikka.png') });

  // Sami shares a frame of South's own board into the encounter, after a confirmation that names
  // who will see it; it arrives on the plaza board under South's name.
  const framesBefore = await framesOnBoard(riikka).count();
  await sami.reload();
  await startMeeting(sami);
  await drawFrame(sami, 200, 200);
  const share = sami.getByRole('region', { name: 'Share a frame to the encounter' });
  await share.getByRole('button', { name: 'Share to the encounter…' }).click();
  const dialog = sami.getByRole('dialog', { name: /^Share “.+” to the encounter\?$/ });
  await expect(dialog).toContainText('North');
  await expect(dialog).toContainText('South');
  await expect(dialog).toContainText('the coordinator Riikka');
  await sami.screenshot({ path: `${shots}plaza-share-confirm.png` });
  await dialog.getByRole('button', { name: 'Share the frame' }).click();
  await expect(share.getByRole('status')).toContainText('is on the encounter’s board');
  await expect(framesOnBoard(riikka)).toHaveCount(framesBefore + 1);
  await expect(frameLabel(riikka, 'South')).toHaveCount(1);
  // The same control in Finnish on a phone.
  await sami.setViewportSize({ width: 390, height: 844 });
  await sami.evaluate(finnish);
  await sami.reload();
  await waitForBoard(sami);
  const jaa = sami.getByRole('region', { name: 'Jaa kehys kohtaamiseen' });
  await jaa.getByRole('button', { name: 'Jaa kohtaamiseen…' }).scrollIntoViewIfNeeded();
  await sami.screenshot({ path: test.info().outputPath('fi-phone-plaza-share.png') });
  await jaa.getByRole('button', { name: 'Jaa kohtaamiseen…' }).click();
  await expect(sami.getByRole('dialog', { name: /^Jaetaanko ”.+” kohtaamiseen\?$/ })).toContainText('Riikka');
  await sami.screenshot({ path: test.info().outputPath('fi-phone-plaza-share-confirm.png') });
  await Promise.all([coordinatorContext, kaisaContext, samiContext].map((c) => c.close()));
});

/** Draws a frame with tldraw's frame tool, relative to the canvas. */
async function drawFrame(page: Page, x: number, y: number): Promise<void> {
  const box = (await page.locator('.tl-canvas').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  await page.keyboard.press('f');
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + x + 150, box.y + y + 100, { steps: 4 });
  await page.mouse.move(box.x + x + 300, box.y + y + 200, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}

/** Joins a group through its member link and waits on the group home (no meeting is running). */
async function joinGroup(browser: Parameters<typeof joinByLink>[0], link: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('button', { name: 'Continue to the group' }).click();
  await expect(
    page.getByText('This group belongs to the program “Leadership 2026”, coordinated by Riikka.'),
  ).toBeVisible();
  return page;
}
