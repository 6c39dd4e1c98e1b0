// Facilitation as people do it: the facilitator's panel, the step card everyone reads, sticky notes
// written on the board, dot votes. Controls are found by role and accessible name.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { createGroup, joinByLink, startMeeting, type GroupLinks } from './flows.js';

export interface Person {
  context: BrowserContext;
  page: Page;
}

export interface Meeting {
  links: GroupLinks;
  /** Everyone who joined, the facilitator first. */
  everyone: Page[];
  close(): Promise<void>;
}

/**
 * The facilitator creates a group and starts a meeting in `page`; each name then joins in its own
 * browser with the member link (or the observer link for `observers`).
 */
export async function meetingWith(
  browser: Browser,
  page: Page,
  baseUrl: string,
  groupName: string,
  members: string[],
  observers: string[] = [],
): Promise<{ meeting: Meeting; people: Record<string, Page> }> {
  const links = await createGroup(page, baseUrl, groupName, 'Kaisa');
  await startMeeting(page);
  const joined: Person[] = [];
  const people: Record<string, Page> = {};
  for (const [name, link] of [
    ...members.map((m) => [m, links.member] as const),
    ...observers.map((o) => [o, links.observer] as const),
  ]) {
    const person = await joinByLink(browser, link, name);
    joined.push(person);
    people[name] = person.page;
  }
  // Everyone is in the facilitator's people list before the agenda starts (turn order, case owner).
  for (const name of [...members, ...observers]) {
    await expect(peopleList(page).getByText(name, { exact: true })).toBeVisible();
  }
  return {
    meeting: {
      links,
      everyone: [page, ...joined.map((p) => p.page)],
      async close() {
        await Promise.all(joined.map((p) => p.context.close()));
      },
    },
    people,
  };
}

export function peopleList(page: Page): Locator {
  return page.getByRole('list', { name: 'People here' });
}

/** The facilitator's panel: shown only to whoever facilitates right now. */
export function facilitatorPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Facilitator', exact: true });
}

/** The step card's heading: the step's name, or that the meeting has not started or has ended. */
export function stepName(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Facilitation' }).locator('.vb-step-card__step');
}

/**
 * The page's live region of that politeness: what a screen reader says, each message a paragraph
 * (the last few are kept).
 */
export function announced(page: Page, politeness: 'polite' | 'assertive'): Locator {
  return page.getByTestId(`announcer-${politeness}`);
}

/** The step card's sentence about what the speaking mode asks of this person now. */
export function cue(page: Page): Locator {
  return page.locator('.vb-step-card__cue');
}

export async function expectStepEverywhere(pages: readonly Page[], name: string): Promise<void> {
  for (const p of pages) await expect(stepName(p)).toHaveText(name, { timeout: 20_000 });
}

/** The facilitator presses "Next step" or "Previous step"; every screen then shows `step`. */
export async function moveStep(
  facilitator: Page,
  control: 'Next step' | 'Previous step',
  everyone: readonly Page[],
  step: string,
): Promise<void> {
  await press(facilitator, control);
  await expectStepEverywhere(everyone, step);
}

export function button(page: Page, name: string | RegExp): Locator {
  return page.getByRole('button', { name, exact: typeof name === 'string' });
}

/** Clicks a facilitation command button and waits until the command is no longer in flight. */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  const control = button(page, name);
  await control.click();
  await expect(control.and(page.locator('[aria-busy="true"]'))).toHaveCount(0);
}

/** Adds a method from the library to the draft agenda. */
export async function addMethod(page: Page, methodName: string): Promise<void> {
  const panel = facilitatorPanel(page);
  const library = panel.locator('details.vb-library');
  if ((await library.getAttribute('open')) === null) await panel.getByText('Method library').click();
  await press(page, `Add ${methodName}`);
  await expect(panel.locator('.vb-agenda__name', { hasText: methodName })).toBeVisible();
}

export async function startAgenda(page: Page): Promise<void> {
  await press(page, 'Start the meeting');
}

export async function gotoStep(page: Page, methodName: string, step: string): Promise<void> {
  await press(page, `Go to ${methodName}: ${step}`);
}

/** tldraw's frames on the canvas, found by their label (which tldraw ends with a zero-width space). */
export function frameLabel(page: Page, label: string): Locator {
  return page.locator('.tl-frame-label').filter({ hasText: new RegExp(`^${escapeRegExp(label)}\u200b?$`) });
}

export function framesOnBoard(page: Page): Locator {
  return page.locator('.tl-shape[data-shape-type="frame"]');
}

export function note(page: Page, text: string): Locator {
  return page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text });
}

export function privateLabels(page: Page): Locator {
  return page.getByText('Private — only you see this');
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
export async function writeNote(page: Page, frame: string, dx: number, dy: number, text: string): Promise<void> {
  const label = frameLabel(page, frame).first();
  await expect(label).toBeVisible({ timeout: 20_000 });
  const box = await settledBox(label);
  await writeNoteAt(page, box.x + dx, box.y + box.height + dy, text);
}

/** The mm:ss a countdown shows, in seconds. */
export async function clockSeconds(timer: Locator): Promise<number> {
  const text = (await timer.textContent()) ?? '';
  const match = /(\d+):(\d{2})/.exec(text);
  if (!match) throw new Error(`not a countdown: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The dot-vote button under a note (the overlay puts each note's dot buttons just below it). */
export async function voteButtonFor(page: Page, noteText: string): Promise<Locator> {
  const noteBox = (await note(page, noteText).boundingBox())!;
  const buttons = page.getByRole('button', { name: 'Vote for this note', exact: true });
  await expect(buttons.first()).toBeVisible();
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    const b = (await buttons.nth(i).boundingBox())!;
    const below = b.y >= noteBox.y + noteBox.height - 2 && b.y <= noteBox.y + noteBox.height + 60;
    const under = b.x + b.width / 2 >= noteBox.x && b.x <= noteBox.x + noteBox.width;
    if (below && under) return buttons.nth(i);
  }
  throw new Error(`no vote button under the note "${noteText}"`);
}

/** The count label a closed vote shows on a note (drawn just above the note's top-right corner). */
export async function shownCount(page: Page, noteText: string): Promise<string | null> {
  const noteBox = (await note(page, noteText).boundingBox())!;
  const labels = page.locator('.vb-vote-count');
  const count = await labels.count();
  for (let i = 0; i < count; i++) {
    const b = (await labels.nth(i).boundingBox())!;
    const above = b.y < noteBox.y && b.y + b.height >= noteBox.y - 40;
    const over = b.x >= noteBox.x && b.x <= noteBox.x + noteBox.width;
    if (above && over) return (await labels.nth(i).textContent())?.trim() ?? null;
  }
  return null;
}

/** This browser's personal participant token for the group in the page's URL. */
export async function ownToken(page: Page): Promise<{ groupId: string; meetingId: string; token: string }> {
  return page.evaluate(() => {
    const match = /^\/g\/([^/]+)\/m\/([^/]+)/.exec(location.pathname);
    if (!match) throw new Error(`not a meeting page: ${location.pathname}`);
    const groupId = decodeURIComponent(match[1]!);
    const meetingId = decodeURIComponent(match[2]!);
    const identities = JSON.parse(localStorage.getItem('vermeboard.identities') ?? '{}') as Record<
      string,
      { participantToken: string }
    >;
    const token = identities[groupId]?.participantToken;
    if (!token) throw new Error('no identity stored for this group');
    return { groupId, meetingId, token };
  });
}

/** Posts a command straight to the server with this page's own token; returns the HTTP status. */
export async function postCommandAs(page: Page, command: Record<string, unknown>): Promise<number> {
  const { meetingId, token } = await ownToken(page);
  return page.evaluate(
    async ({ meetingId, token, command }) => {
      const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ command }),
      });
      return res.status;
    },
    { meetingId, token, command },
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A screenshot in the test's output folder, to look at each step kind as each role sees it. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}
