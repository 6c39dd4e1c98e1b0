// The group's process as people live it across meetings: goals on the group home, the welcome a
// newcomer reads, an agenda with a goal recap and a reflection, sticky notes placed under a goal card
// or in a reflection column, ending a meeting, and files the browser downloads. Controls are found by
// role and accessible name, as a person would find them.
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

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

export function facilitatorPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Facilitator', exact: true });
}

/** The step card's heading on a person's screen. */
export function stepName(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Facilitation' }).locator('.vb-step-card__step');
}

export async function expectStep(pages: readonly Page[], name: string): Promise<void> {
  for (const p of pages) await expect(stepName(p)).toHaveText(name, { timeout: 20_000 });
}

/** Clicks a facilitation command button and waits until the command is no longer in flight. */
export async function command(page: Page, name: string): Promise<void> {
  const control = page.getByRole('button', { name, exact: true });
  await control.click();
  await expect(control.and(page.locator('[aria-busy="true"]'))).toHaveCount(0);
}

/** Adds methods from the facilitator's method library to the draft agenda, in order. */
export async function buildAgenda(page: Page, methodNames: readonly string[]): Promise<void> {
  const panel = facilitatorPanel(page);
  const libraryOpen = async () => (await panel.locator('details.vb-library').getAttribute('open')) !== null;
  if (!(await libraryOpen())) await panel.getByText('Method library', { exact: true }).click();
  for (const name of methodNames) await command(page, `Add ${name}`);
  await expect(panel.locator('.vb-agenda__name')).toHaveText([...methodNames]);
}

export async function gotoStep(page: Page, methodName: string, step: string): Promise<void> {
  await command(page, `Go to ${methodName}: ${step}`);
}

/** Ends the meeting for everyone (the browser asks to confirm). */
export async function endMeeting(page: Page): Promise<void> {
  page.once('dialog', (dialog) => void dialog.accept());
  await command(page, 'End the meeting');
  await expect(stepName(page)).toHaveText('The meeting has ended', { timeout: 20_000 });
}

// ---- The board ----

/** A tldraw frame's label on the canvas (tldraw ends the label with a zero-width space). */
export function frameLabel(page: Page, label: string): Locator {
  return page.locator('.tl-frame-label').filter({ hasText: new RegExp(`^${escapeRegExp(label)}\u200b?$`) });
}

export function note(page: Page, text: string): Locator {
  return page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text });
}

/** Waits until a locator stops moving (the view glides to a step's frames when the step starts). */
export async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = '';
  await expect(async () => {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    const now = JSON.stringify(box);
    const same = now === last;
    last = now;
    expect(same).toBe(true);
  }).toPass({ timeout: 20_000, intervals: [250] });
  return (await locator.boundingBox())!;
}

/** Writes a sticky note centred at a point of the screen, with the note tool's shortcut and a click. */
export async function writeNoteAt(page: Page, x: number, y: number, text: string): Promise<void> {
  await page.keyboard.press('Escape');
  // Focus the canvas where the note goes (with the select tool a click on empty board changes nothing).
  await page.mouse.click(x, y);
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await page.mouse.click(x, y);
  const editing = page.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]');
  await expect(editing).toBeFocused();
  // The text goes in as one input, as a paste would: key by key, a loaded machine has reordered
  // characters while the note's text editor was still settling.
  await editing.fill(text);
  await expect(editing).toHaveText(text);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(note(page, text)).toBeVisible();
}

/** Writes a sticky note inside the frame labelled `frame`, at (dx, dy) from the label's bottom-left. */
export async function writeNoteInFrame(page: Page, frame: string, dx: number, dy: number, text: string): Promise<void> {
  const label = frameLabel(page, frame).first();
  await expect(label).toBeVisible({ timeout: 20_000 });
  const box = await settledBox(label);
  await writeNoteAt(page, box.x + dx, box.y + box.height + dy, text);
}

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
