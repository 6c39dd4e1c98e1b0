// The group's process as people live it across meetings: goals on the group home, the welcome a
// newcomer reads, an agenda with a goal recap and a reflection, sticky notes placed under a goal card
// or in a reflection column, ending a meeting, and files the browser downloads. Controls are found by
// role and accessible name, as a person would find them.
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { facilitatorPanel, note, press, settledBox, stepName, writeNoteAt } from './facilitation.js';

export interface Person {
  context: BrowserContext;
  page: Page;
}

// ---- Group home ----

/** Adds a goal on the group home with "Add a goal", as a contributor does. */
export async function addGoal(page: Page, text: string): Promise<void> {
  const goals = page.getByRole('region', { name: 'Goals' });
  await goals.getByRole('button', { name: 'Add a goal' }).click();
  await goals.getByRole('textbox', { name: 'New goal' }).fill(text);
  await goals.getByRole('button', { name: 'Save' }).click();
  await expect(goalItem(page, text)).toBeVisible();
}

/** One goal on the group home, with its progress-note history folded under it. */
export function goalItem(page: Page, text: string): Locator {
  return page.locator('.goal-list > li').filter({ has: page.getByText(text, { exact: true }) });
}

export function actionItemsSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Action items' });
}

export function meetingsSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Meetings' });
}

export function selfAssessmentSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Competence self-assessment' });
}

/** From a meeting, the header link back to the group home. */
export async function backToGroup(page: Page, groupName: string): Promise<void> {
  await page.getByRole('link', { name: /Back to the group/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible({ timeout: 30_000 });
}

// ---- Joining ----

/**
 * Opens an invite link in a fresh browser and gives a name; a newcomer then sees the welcome,
 * which is returned for the test to read before it continues.
 */
export async function openInvite(
  browser: Browser,
  link: string,
  name: string,
  groupName: string,
): Promise<Person & { welcome: Locator }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  const welcome = page.getByRole('region', { name: `Welcome to ${groupName}` });
  await expect(welcome).toBeVisible({ timeout: 30_000 });
  return { context, page, welcome };
}

// ---- Facilitation ----

/** Adds methods from the facilitator's method library to the draft agenda, in order. */
export async function buildAgenda(page: Page, methodNames: readonly string[]): Promise<void> {
  const panel = facilitatorPanel(page);
  const libraryOpen = async () => (await panel.locator('details.vb-library').getAttribute('open')) !== null;
  if (!(await libraryOpen())) await panel.getByText('Method library', { exact: true }).click();
  for (const name of methodNames) await press(page, `Add ${name}`);
  await expect(panel.locator('.vb-agenda__name')).toHaveText([...methodNames]);
}

/** Ends the meeting for everyone (the browser asks to confirm). */
export async function endMeeting(page: Page): Promise<void> {
  page.once('dialog', (dialog) => void dialog.accept());
  await press(page, 'End the meeting');
  await expect(stepName(page)).toHaveText('The meeting has ended', { timeout: 20_000 });
}

// ---- The board ----

/** Writes a sticky note just below the note that reads `cardText` (a goal card), centred under it. */
export async function writeNoteUnder(page: Page, cardText: string, text: string): Promise<void> {
  const card = note(page, cardText).first();
  await expect(card).toBeVisible({ timeout: 20_000 });
  const box = await settledBox(card);
  // A new note is centred on the click: one card height below the card's bottom keeps the two apart.
  await writeNoteAt(page, box.x + box.width / 2, box.y + box.height * 2, text);
}

// ---- Files ----

/** Clicks `control` and returns the downloaded file's name and bytes, kept in the test's output folder. */
export async function download(page: Page, control: Locator): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), control.click()]);
  const fileName = file.suggestedFilename();
  const path = test.info().outputPath(fileName);
  await file.saveAs(path);
  return { fileName, bytes: await readFile(path) };
}
