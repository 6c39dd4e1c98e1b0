// The debrief after a short meeting: the facilitator runs a check-in round with Anna and Ben (Anna
// raises her hand and passes her turn), ends it, opens the debrief from the end screen and finds the
// steps, turns, talk time and hand there; then invites a coach, who opens the debrief through the
// coach link on a phone in Finnish and leaves a coaching note the facilitator then reads.
// Photographs both views into docs/screenshots/ for the README.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';
import {
  button,
  expectStepEverywhere,
  gotoStep,
  meetingWith,
  moveStep,
  press,
  addMethod,
  startAgenda,
} from '../facilitation.js';

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('the facilitator and the coach read the debrief of a short meeting', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Debrief group', ['Anna', 'Ben']);
  const kaisa = page;
  const anna = people.Anna!;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await moveStep(kaisa, 'Next step', meeting.everyone, 'Check-in round');
  await press(kaisa, 'Start the round');
  await press(anna, 'Raise hand');
  await press(kaisa, 'Next speaker');
  await expect(button(anna, 'Pass my turn')).toBeVisible();
  await press(anna, 'Lower hand');
  await press(anna, 'Pass my turn');
  await press(kaisa, 'Next speaker');
  await gotoStep(kaisa, 'Check-in round', 'Themes for today');
  await expectStepEverywhere(meeting.everyone, 'Themes for today');
  kaisa.once('dialog', (dialog) => void dialog.accept());
  await press(kaisa, 'End the meeting');
  await expectStepEverywhere(meeting.everyone, 'The meeting has ended');
  // Only the facilitator is offered the debrief.
  await expect(anna.getByRole('link', { name: 'Debrief' })).toHaveCount(0);

  await kaisa.getByRole('link', { name: 'Debrief', exact: true }).click();
  await expect(kaisa.getByRole('heading', { name: 'Debrief', level: 1 })).toBeVisible();
  const steps = kaisa.getByRole('region', { name: 'Steps: planned and actual time' });
  await expect(steps.getByRole('row')).toHaveCount(4);
  await expect(steps.getByRole('rowheader').nth(0)).toHaveText('Check-in round: Silent prep');
  await expect(steps.getByRole('rowheader').nth(1)).toHaveText('Check-in round: Check-in round');
  // The round was planned at 2 minutes a turn for the three speakers.
  await expect(steps.getByRole('row').nth(2).getByRole('cell').nth(1)).toHaveText('6:00');
  const turns = kaisa.getByRole('region', { name: 'Round-robin turns' });
  await expect(turns.getByRole('rowheader')).toHaveText(['Kaisa', 'Anna', 'Ben']);
  await expect(turns.getByRole('row').nth(2)).toContainText('(passed)');
  const talk = kaisa.getByRole('region', { name: 'Talk-time balance' });
  await expect(talk.getByRole('listitem')).toHaveCount(3);
  await expect(talk.getByRole('listitem').nth(1)).toContainText(/^Anna: \d+:\d\d, \d+ % \(1 turn\)$/);
  await expect(kaisa.getByRole('region', { name: 'Raised hands' }).getByRole('rowheader')).toHaveText(['Anna']);
  await expect(kaisa.getByRole('img', { name: 'Timeline' })).toBeVisible();
  await kaisa.screenshot({ path: `${shots}debrief-en-desktop.png`, fullPage: true });

  // A member who opens the address is told whose page it is.
  const groupId = new URL(kaisa.url()).pathname.split('/')[2]!;
  await anna.goto(kaisa.url());
  await expect(anna.getByRole('alert')).toHaveText(
    'Only the facilitator of this meeting and the group’s coach see its debrief.',
  );

  // The facilitator invites a coach on the group home.
  await kaisa.getByRole('link', { name: 'Back to the group' }).click();
  const coachCard = kaisa.getByRole('region', { name: 'Coach' });
  await coachCard.getByLabel('Coach’s name').fill('Tuula');
  await coachCard.getByRole('button', { name: 'Invite a coach' }).click();
  const link = await coachCard.getByRole('textbox', { name: /Coach link for Tuula/ }).inputValue();
  expect(link).toMatch(new RegExp(`^${server.url}/coach/`));

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.addInitScript(() => localStorage.setItem('vermeboard.locale', 'fi'));
  const tuula = await phone.newPage();
  await tuula.goto(link);
  await expect(tuula.getByText('Tuula, olet ryhmän Debrief group kouluttaja.')).toBeVisible();
  await tuula.getByRole('link', { name: /jälkipuinti$/ }).click();
  await expect(tuula.getByRole('region', { name: 'Puheenvuorot kierroksella' }).getByRole('rowheader')).toHaveText([
    'Kaisa',
    'Anna',
    'Ben',
  ]);
  const point = tuula.getByLabel('Kohta aikajanalla');
  const annasTurn = await point.locator('option', { hasText: 'Puheenvuoro: Anna' }).getAttribute('value');
  await point.selectOption(annasTurn!);
  await tuula
    .getByLabel('Muistiinpano', { exact: true })
    .fill('Annan vuoro ohitettiin nopeasti: kysy ensi kerralla, haluaako hän palata.');
  await tuula.getByRole('button', { name: 'Tallenna muistiinpano' }).click();
  await expect(tuula.getByRole('status').filter({ hasText: 'Muistiinpano tallennettiin.' })).toBeVisible();
  await expect(tuula.locator('.debrief-note-text')).toHaveText(/^Annan vuoro ohitettiin nopeasti/);
  // The coach link opens no group page.
  const groupStatus = await tuula.evaluate(
    async ({ groupId, token }) =>
      (await fetch(`/api/groups/${groupId}`, { headers: { authorization: `Bearer ${token}` } })).status,
    { groupId, token: link.split('/coach/')[1]! },
  );
  expect(groupStatus).toBe(401);
  await tuula.screenshot({ path: `${shots}debrief-fi-phone.png`, fullPage: true });

  // The facilitator reads the note on the debrief.
  await kaisa.goBack();
  await expect(kaisa.getByRole('heading', { name: 'Debrief', level: 1 })).toBeVisible();
  await kaisa.reload();
  await expect(kaisa.getByRole('region', { name: 'Coaching notes' })).toContainText('Annan vuoro ohitettiin nopeasti');

  await phone.close();
  await meeting.close();
});
