import { expect, test } from '@playwright/test';
import { backdateMeetingEnd, launchServer, type ServerProcess } from '../server.js';
import {
  connectionStatus,
  createGroup,
  drawRectangle,
  joinByLink,
  shapes,
  startMeeting,
  waitForBoard,
} from '../flows.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('two people draw on one board and see each other live', async ({ browser, page }) => {
  const links = await createGroup(page, server.url, 'Project leads', 'Kaisa');
  await startMeeting(page);
  const anna = await joinByLink(browser, links.member, 'Anna');

  await drawRectangle(page, 200, 200);
  await expect(shapes(page)).toHaveCount(1);
  await expect(shapes(anna.page)).toHaveCount(1);

  await drawRectangle(anna.page, 500, 300);
  await expect(shapes(anna.page)).toHaveCount(2);
  await expect(shapes(page)).toHaveCount(2);

  // Live cursors with names: Anna moves over the canvas; Kaisa sees her cursor labelled "Anna".
  const box = (await anna.page.locator('.tl-canvas').boundingBox())!;
  await anna.page.mouse.move(box.x + 400, box.y + 400, { steps: 5 });
  await expect(page.locator('.tl-collaborators__item .tl-nametag', { hasText: 'Anna' })).toBeVisible();
  const kaisaBox = (await page.locator('.tl-canvas').boundingBox())!;
  await page.mouse.move(kaisaBox.x + 300, kaisaBox.y + 500, { steps: 5 });
  await expect(anna.page.locator('.tl-collaborators__item .tl-nametag', { hasText: 'Kaisa' })).toBeVisible();
  // Both are in the people list.
  await expect(page.getByRole('list', { name: 'People here' }).getByText('Anna')).toBeVisible();
  await expect(anna.page.getByRole('list', { name: 'People here' }).getByText('Kaisa')).toBeVisible();

  // A reload (same browser, same person) keeps the board and asks no name again.
  await anna.page.reload();
  await waitForBoard(anna.page);
  await expect(shapes(anna.page)).toHaveCount(2);
  await anna.context.close();
});

test('an observer sees everything live and cannot change anything', async ({ browser, page }) => {
  const links = await createGroup(page, server.url, 'Observed group', 'Kaisa');
  await startMeeting(page);
  const olli = await joinByLink(browser, links.observer, 'Olli');
  await expect(connectionStatus(olli.page)).toHaveAttribute('data-status', 'read-only');

  await drawRectangle(page, 200, 200);
  await expect(shapes(olli.page)).toHaveCount(1);

  // The observer's attempt to draw changes nothing, locally or for others.
  await drawRectangle(olli.page, 500, 300);
  await olli.page.keyboard.press('Control+a');
  await olli.page.keyboard.press('Delete');
  await expect(shapes(olli.page)).toHaveCount(1);
  await drawRectangle(page, 300, 400);
  await expect(shapes(page)).toHaveCount(2);
  await expect(shapes(olli.page)).toHaveCount(2);
  await olli.context.close();
});

test('edits made while the server is down merge when it is back, and survive a restart', async ({ browser, page }) => {
  const links = await createGroup(page, server.url, 'Resilient group', 'Kaisa');
  await startMeeting(page);
  const anna = await joinByLink(browser, links.member, 'Anna');
  await drawRectangle(page, 150, 150);
  await expect(shapes(anna.page)).toHaveCount(1);

  await server.stop();
  await expect(connectionStatus(page)).toHaveAttribute('data-status', 'offline');
  await drawRectangle(page, 400, 150);
  await drawRectangle(anna.page, 150, 400);
  await expect(shapes(page)).toHaveCount(2);
  // A reload while offline keeps the local edits (they live in the browser until synced).
  await anna.page.reload();
  await expect(shapes(anna.page)).toHaveCount(2);

  await server.start();
  await expect(connectionStatus(page)).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
  await expect(shapes(page)).toHaveCount(3);
  await expect(shapes(anna.page)).toHaveCount(3);

  // After a restart, a brand-new browser (nothing stored locally) gets the whole board from the server.
  await server.restart();
  const bert = await joinByLink(browser, links.member, 'Bert');
  await expect(shapes(bert.page)).toHaveCount(3);
  await bert.context.close();
  await anna.context.close();
});

test('the interface switches to Finnish, tldraw menus included', async ({ page }) => {
  await createGroup(page, server.url, 'Kielitesti', 'Kaisa');
  await startMeeting(page);
  await page.getByLabel('Language').selectOption('fi');
  await expect(page.getByLabel('Kieli')).toBeVisible();
  // tldraw's own toolbar follows: the select tool is "Valitse" in Finnish.
  await expect(
    page
      .getByRole('radio', { name: /Valitse/ })
      .or(page.getByRole('button', { name: /Valitse/ }))
      .first(),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
});

test('the app loads nothing from outside its own origin', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
      foreign.push(req.url());
  });
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) errors.push(msg.text());
  });
  await createGroup(page, server.url, 'Offline network', 'Kaisa');
  await startMeeting(page);
  await drawRectangle(page, 200, 200);
  await page.keyboard.press('t');
  await expect(shapes(page)).toHaveCount(1);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

test('a board the retention rule deleted is deleted from the browser too', async ({ page }) => {
  await createGroup(page, server.url, 'Retention group', 'Kaisa');
  await startMeeting(page);
  const [, , groupId, , meetingId] = new URL(page.url()).pathname.split('/');
  await drawRectangle(page, 200, 200);
  const copies = () =>
    page.evaluate(async () =>
      (await indexedDB.databases()).map((db) => db.name ?? '').filter((n) => n.startsWith('vermeboard:meeting/')),
    );
  // The board and the facilitator's private notes are kept on this device.
  await expect.poll(copies).toHaveLength(2);

  // The meeting ended a month ago in a group that keeps boards for a week: the sweep at start purges it.
  await server.stop();
  backdateMeetingEnd(server, { groupId: groupId!, meetingId: meetingId! }, 30, 7);
  await server.start();

  // The page reconnects, hears that the meeting's documents are gone, and drops its copies.
  await expect(connectionStatus(page)).toHaveAttribute('data-status', 'gone', { timeout: 30_000 });
  await expect(connectionStatus(page)).toHaveText('Deleted');
  await expect.poll(copies).toEqual([]);
  const shot = await page.screenshot({ path: test.info().outputPath('board-gone.png') });
  await test.info().attach('board-gone', { body: shot, contentType: 'image/png' });
});

test('a shape far out of view keeps no content and shows again when the board pans back to it', async ({ page }) => {
  await createGroup(page, server.url, 'Far and near', 'Kaisa');
  await startMeeting(page);
  await drawRectangle(page, 200, 200);
  const rectangle = shapes(page).first();
  await expect(rectangle.locator('svg')).toBeVisible();
  const box = (await page.locator('.tl-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Ten screens to the right: the rectangle is hidden and its drawing is not kept mounted.
  for (let i = 0; i < 32; i++) await page.mouse.wheel(400, 0);
  await expect(rectangle).toBeHidden();
  await expect(rectangle.locator('svg')).toHaveCount(0);
  for (let i = 0; i < 32; i++) await page.mouse.wheel(-400, 0);
  await expect(rectangle.locator('svg')).toBeVisible();
  await expect(shapes(page)).toHaveCount(1);
});

test('the welcome of an invite link fetches the board’s code, note font and strings, and opens the meeting with one question for the group', async ({
  browser,
  page,
}) => {
  const links = await createGroup(page, server.url, 'Before the board', 'Kaisa');
  await startMeeting(page);
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('vermeboard.locale', 'fi'));
  const anna = await context.newPage();
  const requested: string[] = [];
  anna.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await anna.goto(links.member);
  await anna.getByLabel('Nimesi').fill('Anna');
  await anna.getByRole('button', { name: 'Liity' }).click();
  const enter = anna.getByRole('button', { name: 'Jatka tapaamiseen' });
  await expect(enter).toBeVisible();
  // Still on the welcome: the meeting page's code, the notes' font and tldraw's strings are here.
  await expect
    .poll(() =>
      [
        /\/MeetingPage-[\w-]+\.js$/,
        /\/Shantell_Sans-Informal_Regular-[\w-]+\.woff2$/,
        /\/en-[\w-]+\.json$/,
        /\/fi-[\w-]+\.json$/,
      ]
        .filter((wanted) => !requested.some((path) => wanted.test(path)))
        .map(String),
    )
    .toEqual([]);
  const groupAnswers = () => requested.filter((path) => /^\/api\/groups\/[\w-]+$/.test(path)).length;
  const before = groupAnswers();
  await enter.click();
  await waitForBoard(anna);
  // The meeting page is drawn with the answer the button had, without asking for the group again.
  expect(groupAnswers() - before).toBe(1);
  await context.close();
});
