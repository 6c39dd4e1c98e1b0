// A freehand stroke is seen growing by the others while it is drawn (stroke previews), and ends the
// same for everyone once the pen is lifted.
import { expect, test, type Page } from '@playwright/test';
import { createGroup, startMeeting } from '../flows.js';
import { launchServer, type ServerProcess } from '../server.js';
import { joinRecorded } from '../bench/wire.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const drawShape = (page: Page) => page.locator('.tl-shape[data-shape-type="draw"]');
/** The width of the drawn stroke's box on the page, which grows as points are added. */
const strokeWidth = async (page: Page) => (await drawShape(page).boundingBox())?.width ?? 0;

test('a stroke being drawn is seen growing by the others and ends the same for everyone', async ({ browser, page }) => {
  const links = await createGroup(page, server.url, 'Sketchers', 'Kaisa');
  await startMeeting(page);
  const anna = await joinRecorded(browser, links.member, 'Anna');
  const { wire } = anna;
  const canvas = page.locator('.tl-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + 40, box.y + 40);
  await page.keyboard.press('d');
  await page.mouse.move(box.x + 150, box.y + 200);
  const down = wire.now();
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 150 + i * 10, box.y + 200 + (i % 2) * 20);
  // Pen still down: Anna sees the stroke, and sees it grow.
  await expect(drawShape(anna.page)).toHaveCount(1);
  await expect.poll(() => strokeWidth(anna.page)).toBeGreaterThan(100);
  const before = await strokeWidth(anna.page);
  for (let i = 21; i <= 40; i++) await page.mouse.move(box.x + 150 + i * 10, box.y + 200 + (i % 2) * 20);
  await expect.poll(() => strokeWidth(anna.page)).toBeGreaterThan(before + 100);
  // It grew through previews: the board document got the pen-down record and at most a safety-net
  // write or two, not a rewrite per move.
  const whileDown = wire.between(down, wire.now(), '/board');
  expect(whileDown.filter((f) => f.kind === 'preview').length).toBeGreaterThan(1);
  expect(whileDown.filter((f) => f.kind === 'update').length).toBeLessThanOrEqual(3);
  await page.mouse.up();
  await expect.poll(() => strokeWidth(anna.page)).toBeCloseTo(await strokeWidth(page), 0);
  await expect(drawShape(anna.page)).toHaveCount(1);
  await wire.detach();
});
