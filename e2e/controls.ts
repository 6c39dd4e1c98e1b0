// The facilitator's live controls as people see them: the step countdown, raised hands, the turn
// order and talk time, where each person's view of the board is, and the spotlight.
import { expect, type Locator, type Page } from '@playwright/test';
import { clockSeconds, facilitatorPanel, writeNoteAt } from './facilitation.js';

/** The step's countdown on the step card (every role has one). */
export function timeLeft(page: Page): Locator {
  return page.getByRole('timer', { name: /^Time left:/ });
}

/** The step card's countdown block: the clock and its "paused" / "Time is up" words. */
export function stepCountdown(page: Page): Locator {
  return page.locator('.vb-countdown').filter({ has: timeLeft(page) });
}

/** The step countdown on every page, read at the same moment. */
export async function readClocks(pages: Page[]): Promise<number[]> {
  return Promise.all(pages.map((p) => clockSeconds(timeLeft(p))));
}

/**
 * Waits until every screen's step countdown lies within `tolerance` seconds of the others and
 * `check` accepts the facilitator's (first page's) reading; returns the readings.
 */
export async function expectClocksAgree(
  pages: Page[],
  check: (seconds: number) => boolean = () => true,
  tolerance = 2,
): Promise<number[]> {
  let readings: number[] = [];
  await expect(async () => {
    readings = await readClocks(pages);
    expect(check(readings[0]!), `facilitator's clock reads ${readings[0]}`).toBe(true);
    expect(Math.max(...readings) - Math.min(...readings), `clocks: ${readings.join(', ')}`).toBeLessThanOrEqual(
      tolerance,
    );
  }).toPass({ timeout: 20_000 });
  return readings;
}

export function raisedHands(page: Page): Locator {
  return facilitatorPanel(page).getByRole('list', { name: 'Raised hands' }).getByRole('listitem');
}

export function talkTime(page: Page): Locator {
  return facilitatorPanel(page).getByRole('table', { name: 'Talk time' }).locator('tbody tr');
}

/** One person's talk time in the facilitator's panel, in seconds: this round's, or the whole meeting's. */
export async function talkSeconds(page: Page, name: string, span: 'round' | 'meeting' = 'round'): Promise<number> {
  const row = talkTime(page).filter({ hasText: name });
  const text =
    (await row
      .locator('.vb-talk__time')
      .nth(span === 'round' ? 0 : 1)
      .textContent()) ?? '';
  const match = /(\d+):(\d{2})/.exec(text);
  if (!match) throw new Error(`no talk time for ${name}: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function turnOrder(page: Page): Locator {
  return page.getByRole('region', { name: 'Turn order' });
}

/** The names in a page's turn order, in order, without the "(you)" a person sees at their own name. */
export async function turnNames(page: Page): Promise<string[]> {
  const names = await turnOrder(page).locator('.vb-turns__name').allTextContents();
  return names.map((n) => n.replace(/ \(you\)$/, ''));
}

/** Whether the locator's centre lies inside the board's visible area on this screen. */
export async function inView(page: Page, locator: Locator): Promise<boolean> {
  if ((await locator.count()) === 0 || !(await locator.first().isVisible())) return false;
  const [box, canvas] = await Promise.all([locator.first().boundingBox(), page.locator('.tl-canvas').boundingBox()]);
  if (!box || !canvas) return false;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx > canvas.x && cx < canvas.x + canvas.width && cy > canvas.y && cy < canvas.y + canvas.height;
}

export async function expectInView(page: Page, locator: Locator, shown: boolean): Promise<void> {
  await expect.poll(() => inView(page, locator), { timeout: 20_000 }).toBe(shown);
}

/** Scrolls the board sideways with the mouse wheel, as a person pans with a touchpad. */
export async function panBoard(page: Page, dx: number, dy = 0): Promise<void> {
  const canvas = (await page.locator('.tl-canvas').boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  const steps = 6;
  for (let i = 0; i < steps; i++) await page.mouse.wheel(dx / steps, dy / steps);
}

/** Writes a sticky note at (x, y) of the board's visible area. */
export async function writeNoteOnBoard(page: Page, x: number, y: number, text: string): Promise<void> {
  const canvas = (await page.locator('.tl-canvas').boundingBox())!;
  await writeNoteAt(page, canvas.x + x, canvas.y + y, text);
}

/** Drags a shape by its middle by (dx, dy) screen pixels, as a person would with the mouse. */
export async function dragBy(page: Page, shape: Locator, dx: number, dy: number): Promise<void> {
  await page.keyboard.press('Escape');
  const box = (await shape.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}

/** Selects a shape with a click on its middle. */
export async function select(page: Page, shape: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  const box = (await shape.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export function spotlight(page: Page): Locator {
  return page.locator('.vb-spotlight');
}

export function backToFacilitator(page: Page): Locator {
  return page.getByRole('button', { name: 'Back to the facilitator', exact: true });
}
