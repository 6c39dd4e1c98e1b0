// What a person does, as reusable steps: found by role and accessible name, as a person would.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface GroupLinks {
  facilitator: string;
  member: string;
  observer: string;
}

/** Creates a group from the home page and returns the invite links shown on the group page. */
export async function createGroup(
  page: Page,
  baseUrl: string,
  groupName: string,
  facilitatorName: string,
): Promise<GroupLinks> {
  await page.goto(baseUrl);
  await page.getByLabel('Group name').fill(groupName);
  await page.getByLabel('Your name').fill(facilitatorName);
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name: groupName })).toBeVisible();
  const link = async (label: string) => {
    const value = await page.getByRole('textbox', { name: label }).inputValue();
    expect(value).toMatch(/^http:\/\/.+\/join\/[A-Za-z0-9_-]{22}$/);
    return value;
  };
  return {
    facilitator: await link('Facilitator link'),
    member: await link('Member link'),
    observer: await link('Observer link'),
  };
}

/** From the group page, starts a meeting and waits for the board. */
export async function startMeeting(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start a meeting' }).click();
  await waitForBoard(page);
}

/**
 * Opens an invite link in a fresh browser context, gives a name and waits for the board. `opened`
 * runs on the new page before it loads anything (to watch its traffic from the start).
 */
export async function joinByLink(
  browser: Browser,
  link: string,
  name: string,
  opened?: (page: Page) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await opened?.(page);
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  // Someone new to the group first sees a short welcome (goals, ground rules) before the meeting.
  await page.getByRole('button', { name: 'Continue to the meeting' }).click();
  await waitForBoard(page);
  return { context, page };
}

export async function waitForBoard(page: Page): Promise<void> {
  await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 30_000 });
  await expect(connectionStatus(page)).toHaveAttribute('data-status', /live|read-only/, { timeout: 30_000 });
}

export function connectionStatus(page: Page) {
  return page.locator('[data-testid="connection-status"]');
}

export function shapes(page: Page) {
  return page.locator('.tl-shape');
}

/** Draws a rectangle with the keyboard shortcut and a mouse drag, relative to the canvas. */
export async function drawRectangle(page: Page, x: number, y: number, w = 120, h = 80): Promise<void> {
  const canvas = page.locator('.tl-canvas');
  const box = (await canvas.boundingBox())!;
  // Focus the canvas where the drawing starts (with the select tool a click there changes nothing).
  await page.mouse.click(box.x + x, box.y + y);
  await page.keyboard.press('r');
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + x + w / 2, box.y + y + h / 2, { steps: 4 });
  await page.mouse.move(box.x + x + w, box.y + y + h, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}
