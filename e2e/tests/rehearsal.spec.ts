// A facilitator rehearses alone: the whole Meeting frame with five simulated participants at ten
// times the speed. The bots are real clients the server runs; here they write in the silent steps,
// take and pass their turns, propose cases and vote, while Kaisa clicks through every step. Then the
// group's history does not list the rehearsal. Also the rehearsal screen in Finnish on a phone.
// Photographs the rehearsal screen for the README (docs/screenshots/rehearsal*.png).
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { builtInMethods, meetingFrame } from '@vermeboard/shared';
import { launchServer, type ServerProcess } from '../server.js';
import { createGroup, waitForBoard } from '../flows.js';
import { button, cue, peopleList, press, stepName } from '../facilitation.js';

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const bots = ['Alex', 'Sam', 'Robin', 'Kim', 'Jamie'];

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The round runs by itself with the bots; the facilitator starts it and passes her own turn. */
async function runRound(page: Page): Promise<void> {
  await press(page, 'Start the round');
  await expect
    .poll(
      async () => {
        const now = await cue(page).textContent();
        if (now === 'Your turn')
          await button(page, 'Pass')
            .click({ timeout: 2000 })
            .catch(() => undefined);
        return now;
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe('The round is over');
}

async function stepWork(page: Page, methodId: string, stepId: string, mode: string): Promise<void> {
  if (mode === 'silent') {
    // Every bot writes a private note and says it is done.
    await expect(page.getByText(/^5 of \d done$/)).toBeVisible({ timeout: 60_000 });
    return;
  }
  if (mode === 'round-robin') {
    await runRound(page);
    if (methodId === 'check-in-round') await page.screenshot({ path: `${shots}rehearsal.png` });
    return;
  }
  if (methodId === 'problem-clinic' && stepId === 'choose-case') {
    // The bots propose cases on the board and put two dots each on them as soon as there are some.
    await page.getByLabel('Votes per person').fill('2');
    await press(page, 'Start a dot vote');
    await expect(page.getByText(/^5 of \d have voted$/)).toBeVisible({ timeout: 60_000 });
    await press(page, 'Close the vote and show the counts');
    await expect(page.getByText('Vote results: 5 people voted')).toBeVisible();
    await page.getByRole('combobox', { name: 'Case owner', exact: true }).selectOption({ label: 'Alex' });
  }
}

test('a rehearsal of the Meeting frame with five simulated participants runs to its end at ×10, outside the history', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await createGroup(page, server.url, 'Practice leads', 'Kaisa');
  const card = page.getByRole('region', { name: 'Rehearse' });
  await card.getByLabel('Agenda').selectOption({ label: 'Meeting frame' });
  await card.getByLabel('Simulated participants').selectOption('5');
  await card.getByLabel('Speed').selectOption({ label: '×10' });
  await card.screenshot({ path: `${shots}rehearsal-card.png` });
  await card.getByRole('button', { name: 'Rehearse' }).click();
  await waitForBoard(page);

  const banner = page.getByRole('region', { name: 'Rehearsal' });
  await expect(banner).toContainText('You are rehearsing with 5 simulated participants at ×10 speed.');
  for (const name of bots) await expect(peopleList(page).getByText(name, { exact: true })).toBeVisible();

  // The preset is on the agenda already, its timeboxes a tenth of the plan.
  await press(page, 'Start the meeting');
  const steps = meetingFrame.methodIds.flatMap((id) => builtInMethods[id]!.steps.map((step) => ({ id, step })));
  for (const [i, { id, step }] of steps.entries()) {
    if (i > 0) await press(page, 'Next step');
    await expect(stepName(page)).toHaveText(step.title.en, { timeout: 20_000 });
    await stepWork(page, id, step.id, step.speakingMode);
  }
  page.once('dialog', (dialog) => void dialog.accept());
  await press(page, 'End the meeting');
  await expect(stepName(page)).toHaveText('The meeting has ended');
  // The bots leave with the end.
  for (const name of bots)
    await expect(peopleList(page).getByText(name, { exact: true })).toHaveCount(0, { timeout: 20_000 });

  // Back in the real group: no meeting in its history, nobody new among its members.
  await page.getByRole('link', { name: 'Back to the group' }).click();
  await expect(page.getByRole('heading', { name: 'Practice leads' })).toBeVisible();
  const meetings = page.getByRole('region', { name: 'Meetings' });
  await expect(meetings.getByText('No meetings yet.')).toBeVisible();
  for (const name of bots) await expect(page.getByText(name, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start a meeting' })).toBeVisible();
});

test('the rehearsal screen in Finnish on a phone', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await phone.newPage();
  await page.addInitScript(() => localStorage.setItem('vermeboard.locale', 'fi'));
  await page.goto(server.url);
  await page.getByLabel('Ryhmän nimi').fill('Vertaismentorit');
  await page.getByLabel('Nimesi').fill('Kaisa');
  await page.getByRole('button', { name: 'Luo ryhmä' }).click();
  await expect(page.getByRole('heading', { name: 'Vertaismentorit' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Harjoittele' });
  await card.getByLabel('Simuloidut osallistujat').selectOption('3');
  await card.getByRole('button', { name: 'Harjoittele' }).tap();
  await waitForBoard(page);
  await expect(page.getByRole('region', { name: 'Harjoitus' })).toContainText(
    'Harjoittelet 3 simuloidun osallistujan kanssa nopeudella ×10.',
  );
  await button(page, 'Aloita tapaaminen').tap();
  await expect(page.locator('.vb-step-card__step')).toHaveText('Tervetuloa ja pelisäännöt');
  await page.waitForTimeout(600); // the view glides to the step's frame
  await page.screenshot({ path: `${shots}rehearsal-fi-phone.png` });
  await phone.close();
});
