// The board outline: the board as a keyboard-navigable tree for screen-reader users. It lists the
// step's frames and their notes in order, adds a note through a text field, and picks up a note
// someone else adds, announcing it.
import { expect, test } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';
import { addMethod, meetingWith, note, press, startAgenda, writeNote } from '../facilitation.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('the outline lists frames and notes in order, adds a note by keyboard, and shows others’ notes live', async ({
  browser,
  page,
}) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Outline group', ['Anna']);
  const anna = people.Anna!;
  await addMethod(page, 'Reflection: What? So what? Now what?');
  await startAgenda(page);
  await press(page, 'Next step');

  await anna.getByRole('button', { name: 'Show the board outline' }).click();
  const tree = anna.getByRole('tree', { name: 'Board outline' });
  const items = tree.getByRole('treeitem');
  await expect(items.first()).toHaveText('What? — facts, this step, No notes');
  await expect(items.nth(1)).toHaveText('So what? — meaning, this step, No notes');

  // Keyboard only: focus the first frame, add a note to it through the text field.
  await items.first().focus();
  await anna.keyboard.press('n');
  const field = anna.getByLabel('New note in What? — facts');
  await expect(field).toBeFocused();
  await field.fill('Two cases were heard');
  await anna.keyboard.press('Enter');
  await expect(note(anna, 'Two cases were heard')).toBeVisible();
  await expect(items.nth(1)).toHaveText('Two cases were heard, by Anna');
  await expect(note(page, 'Two cases were heard')).toBeVisible();

  // Kaisa writes a note; it appears in Anna's outline, in reading order, and is announced.
  await writeNote(page, 'What? — facts', 30, 320, 'Funding came up twice');
  await expect(items.nth(2)).toHaveText('Funding came up twice, by Kaisa');
  await expect(
    anna.getByRole('status').filter({ hasText: 'New note in What? — facts: Funding came up twice' }),
  ).toHaveCount(1);

  // Arrow keys move through the tree; Enter selects the note on the canvas.
  await items.nth(1).focus();
  await anna.keyboard.press('ArrowDown');
  await expect(items.nth(2)).toBeFocused();
  await anna.keyboard.press('ArrowLeft');
  await expect(items.first()).toBeFocused();
  await anna.keyboard.press('ArrowDown');
  await anna.keyboard.press('Enter');
  await expect(anna.getByRole('heading', { name: 'Selected note' })).toBeVisible();

  // The choice is remembered for this person.
  await anna.reload();
  await expect(anna.getByRole('tree', { name: 'Board outline' })).toBeVisible();
  await meeting.close();
});
