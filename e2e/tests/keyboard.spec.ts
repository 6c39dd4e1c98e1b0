// A meeting run with the keyboard alone. After opening their pages, the facilitator and a member
// never touch the mouse: Tab, Shift+Tab, Enter, Space, arrow keys, the outline's keys and the
// facilitator's shortcuts. They run a check-in round, a dot vote and a reflection, add notes through
// the board outline and end the meeting; at each point the test reads what a screen reader would
// say from the page's live regions.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';
import { createGroup, waitForBoard } from '../flows.js';
import { announced, button, expectStepEverywhere, facilitatorPanel, note, peopleList } from '../facilitation.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Moves focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user does. */
async function tabTo(page: Page, target: Locator, { back = false, max = 300 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs to a button and presses Enter. */
async function activate(page: Page, target: Locator, options?: { back?: boolean }): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press('Enter');
}

/** The page's live region says `text` (as one of its last few messages). */
async function hears(page: Page, politeness: 'polite' | 'assertive', text: string): Promise<void> {
  await expect(announced(page, politeness).getByText(text, { exact: true })).toHaveCount(1, { timeout: 20_000 });
}

test('a facilitator and a member run a meeting with the keyboard alone and hear what happens', async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  const kaisa = page;
  const links = await createGroup(kaisa, server.url, 'Keyboard group', 'Kaisa');
  // From here on, Kaisa uses the keyboard only.
  await activate(kaisa, kaisa.getByRole('button', { name: 'Start a meeting' }));
  await waitForBoard(kaisa);

  // Anna opens the member link and joins by keyboard: type the name, Enter, then the welcome.
  const annaContext = await browser.newContext();
  const anna = await annaContext.newPage();
  await anna.goto(links.member);
  await tabTo(anna, anna.getByLabel('Your name'));
  await anna.keyboard.type('Anna');
  await anna.keyboard.press('Enter');
  await activate(anna, anna.getByRole('button', { name: 'Continue to the meeting' }));
  await waitForBoard(anna);
  await expect(peopleList(kaisa).getByText('Anna', { exact: true })).toBeVisible();

  // The agenda: open the library (Enter on its summary), add two methods, start.
  const panel = facilitatorPanel(kaisa);
  await activate(kaisa, panel.getByText('Method library'));
  await activate(kaisa, button(kaisa, 'Add Check-in round'));
  await expect(panel.locator('.vb-agenda__name', { hasText: 'Check-in round' })).toBeVisible();
  await activate(kaisa, button(kaisa, 'Add Reflection: What? So what? Now what?'));
  await expect(panel.locator('.vb-agenda__name', { hasText: 'Reflection' })).toBeVisible();
  await activate(kaisa, button(kaisa, 'Start the meeting'));
  await expectStepEverywhere([kaisa, anna], 'Silent prep');
  await hears(anna, 'polite', 'Step 1 of 10: Silent prep. Write silently');

  // Next step by shortcut: the round. Everyone hears the step once.
  await kaisa.keyboard.press('Alt+Shift+N');
  await expectStepEverywhere([kaisa, anna], 'Check-in round');
  await hears(anna, 'polite', 'Step 2 of 10: Check-in round. The round starts soon');
  await hears(kaisa, 'polite', 'Step 2 of 10: Check-in round. The round starts soon');

  // The round by shortcut: Kaisa (who joined first) speaks, then Anna, then it is over.
  await kaisa.keyboard.press('Alt+Shift+T');
  await hears(kaisa, 'assertive', 'Your turn');
  await hears(anna, 'polite', 'Listen — Kaisa is speaking. You are next.');
  await kaisa.keyboard.press('Alt+Shift+T');
  await hears(anna, 'assertive', 'Your turn');
  await hears(kaisa, 'polite', 'Listen — Anna is speaking');
  await kaisa.keyboard.press('Alt+Shift+T');
  await hears(anna, 'polite', 'The round is over');
  await hears(kaisa, 'polite', 'The round is over');
  // Said once each: a turn is not repeated by the later changes.
  await expect(announced(anna, 'assertive').getByText('Your turn', { exact: true })).toHaveCount(1);

  // The step timer by shortcut: pause, then resume; the button names the shortcut.
  const timer = panel.getByRole('button', { name: /the step timer$/ });
  await expect(timer).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+P');
  await expect(timer).toHaveText('Pause the step timer');
  await kaisa.keyboard.press('Alt+Shift+P');
  await expect(timer).toHaveText('Resume the step timer');
  await kaisa.keyboard.press('Alt+Shift+P');
  await expect(timer).toHaveText('Pause the step timer');

  // The themes step: Anna opens the outline and adds two notes to the step's frame.
  await kaisa.keyboard.press('Alt+Shift+N');
  await expectStepEverywhere([kaisa, anna], 'Themes for today');
  await activate(anna, anna.getByRole('button', { name: 'Show the board outline' }));
  const tree = anna.getByRole('tree', { name: 'Board outline' });
  const items = tree.getByRole('treeitem');
  await tabTo(anna, items.first());
  await expect(items.first()).toHaveText(/^Themes for today, this step/);
  for (const text of ['Too many meetings', 'Funding is unclear']) {
    await anna.keyboard.press('n');
    await expect(anna.getByLabel('New note in Themes for today')).toBeFocused();
    await anna.keyboard.type(text);
    await anna.keyboard.press('Enter');
    await expect(note(kaisa, text)).toBeVisible();
  }
  await expect(items.first()).toBeFocused();

  // A dot vote: Kaisa starts it from the panel, Anna casts and withdraws dots from the outline.
  await activate(kaisa, button(kaisa, 'Start a dot vote'));
  await hears(anna, 'polite', 'The dot vote is open. Everyone has 3 dots.');
  await hears(kaisa, 'polite', 'The dot vote is open. Everyone has 3 dots.');
  await tabTo(anna, items.first(), { back: true });
  await anna.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await expect(items.nth(1)).toContainText('Too many meetings');
  await anna.keyboard.press('+');
  await hears(anna, 'polite', 'You have 2 dots left.');
  await expect(items.nth(1)).toContainText('your dot: 1');
  await anna.keyboard.press('+');
  await hears(anna, 'polite', 'You have 1 dot left.');
  await anna.keyboard.press('-');
  await expect(items.nth(1)).toContainText('your dot: 1');
  await anna.keyboard.press('ArrowDown');
  await anna.keyboard.press('+');
  await expect(items.nth(2)).toContainText('your dot: 1');
  await activate(kaisa, button(kaisa, 'Close the vote and show the counts'), { back: true });
  await hears(anna, 'polite', 'The dot vote is closed. 1 person voted; the counts are on the notes.');
  await expect(items.nth(1)).toContainText('1 dot');

  // The reflection: its first step is written alone; Anna's note goes in through the outline.
  await kaisa.keyboard.press('Alt+Shift+N');
  await expectStepEverywhere([kaisa, anna], 'What happened? — on your own');
  await hears(anna, 'polite', 'Step 4 of 10: What happened? — on your own. Write silently');
  // The tree keeps one stop in the Tab order (the item last focused); Home goes to its top, where
  // the new step's frame now is.
  await tabTo(anna, tree.locator('[role="treeitem"][tabindex="0"]'), { back: true });
  await anna.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toHaveText(/^What\? — facts, this step/);
  await anna.keyboard.press('n');
  await anna.keyboard.type('The round kept to time');
  await anna.keyboard.press('Enter');
  await expect(items.nth(1)).toHaveText('The round kept to time, by Anna, private, only you see it');
  await kaisa.keyboard.press('Alt+Shift+N');
  await expectStepEverywhere([kaisa, anna], 'What happened? — together');

  // The shortcuts help opens by its key and closes with Escape, focus back where it was.
  await kaisa.keyboard.press('Alt+Shift+K');
  const help = kaisa.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Alt+Shift+N');
  await kaisa.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // End the meeting: Tab to the button, Enter, confirm.
  kaisa.once('dialog', (dialog) => void dialog.accept());
  await activate(kaisa, button(kaisa, 'End the meeting'));
  await hears(anna, 'polite', 'The meeting has ended.');
  await hears(kaisa, 'polite', 'The meeting has ended.');
  await annaContext.close();
});
