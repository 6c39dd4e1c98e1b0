// The whole Meeting frame preset in Finnish, as a new group runs it: the facilitator Kaisa at a
// desktop, the member Anna on a phone (390 × 844, touch) who votes by tapping. Every step is
// photographed on Anna's phone (and some on Kaisa's screen) into docs/screenshots/, the README's
// Finnish pictures. Along the way it checks what the group ran into: Finnish defaults for a group
// created in Finnish, timers that start by themselves, finger-sized vote buttons, the live turnout,
// the end screen and being brought along to the next meeting.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { builtInMethods, meetingFrame } from '@vermeboard/shared';
import { launchServer, type ServerProcess } from '../server.js';
import { waitForBoard } from '../flows.js';
import { button, cue, note, press, writeNote } from '../facilitation.js';

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The step card's heading (the column is named in Finnish here, so not found by the English name). */
const stepName = (page: Page) => page.locator('.vb-step-card__step');

async function expectStepEverywhere(pages: readonly Page[], name: string): Promise<void> {
  for (const p of pages) await expect(stepName(p)).toHaveText(name, { timeout: 20_000 });
}

/** Finnish from the first page on, as the browser of a Finnish user would choose. */
const finnish = () => localStorage.setItem('vermeboard.locale', 'fi');

test('a Finnish group runs the whole meeting frame with a member on a phone', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const kaisa = page;
  await kaisa.addInitScript(finnish);

  // The group is created in the Finnish UI: its ground rules are Finnish too.
  await kaisa.goto(server.url);
  await kaisa.getByLabel('Ryhmän nimi').fill('Vertaismentorit');
  await kaisa.getByLabel('Nimesi').fill('Kaisa');
  await expect(kaisa.getByLabel('Ryhmän kieli')).toHaveValue('fi');
  await kaisa.getByRole('button', { name: 'Luo ryhmä' }).click();
  await expect(kaisa.getByRole('heading', { name: 'Vertaismentorit' })).toBeVisible();
  await expect(kaisa.getByText('Ryhmässä puhuttu jää ryhmään.').first()).toBeVisible();
  const memberLink = await kaisa.getByRole('textbox', { name: 'Jäsenlinkki' }).inputValue();
  // A goal with the long compound words Finnish is made of, for the goal recap and the phone.
  const goal = 'Jokainen jäsen lähettää toukokuuhun mennessä rahoitushakemuksen';
  const goals = kaisa.getByRole('region', { name: 'Tavoitteet' });
  await goals.getByRole('button', { name: 'Lisää tavoite' }).click();
  await goals.getByRole('textbox', { name: 'Uusi tavoite' }).fill(goal);
  await goals.getByRole('button', { name: 'Tallenna' }).click();
  await expect(goals.locator('.goal-text', { hasText: goal })).toBeVisible();
  await kaisa.getByRole('button', { name: 'Aloita tapaaminen' }).click();
  await waitForBoard(kaisa);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.addInitScript(finnish);
  const anna = await phone.newPage();
  await anna.goto(memberLink);
  await anna.getByLabel('Nimesi').fill('Anna');
  await anna.getByRole('button', { name: 'Liity' }).click();
  // The welcome shows the goal on the phone without cutting its words.
  await expect(anna.getByText(/rahoitushakemuksen/).first()).toBeVisible();
  await anna.screenshot({ path: `${shots}fi-phone-00-welcome-page.png` });
  await anna.getByRole('button', { name: 'Jatka tapaamiseen' }).click();
  await waitForBoard(anna);
  const everyone = [kaisa, anna];

  await press(kaisa, 'Käytä tapaamisen runkoa');
  await press(kaisa, 'Aloita tapaaminen');

  const steps = meetingFrame.methodIds.flatMap((id) => builtInMethods[id]!.steps.map((step) => ({ id, step })));
  for (const [i, { id, step }] of steps.entries()) {
    if (i > 0) await press(kaisa, 'Seuraava vaihe');
    await expectStepEverywhere(everyone, step.title.fi);
    // Nobody pressed start: the step's timer runs from the step's start.
    if (step.timeboxSeconds > 0)
      await expect(anna.locator('.vb-countdown').first()).toHaveAttribute('data-phase', 'running');
    // After every step change the member's cue is on screen, not scrolled away.
    await expect(cue(anna)).toBeInViewport();
    await stepWork(kaisa, anna, id, step.id);
    await anna.waitForTimeout(600); // the view glides to the step's frame
    const n = String(i + 1).padStart(2, '0');
    await anna.screenshot({ path: `${shots}fi-phone-${n}-${id}-${step.id}.png` });
    if (['welcome', 'round', 'choose-case', 'closing-words'].includes(step.id)) {
      await kaisa.screenshot({ path: `${shots}fi-facilitator-${n}-${id}-${step.id}.png` });
    }
  }

  // Ending asks first, then the end screen links the summary and names the facilitator.
  let asked = '';
  kaisa.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await press(kaisa, 'Päätä tapaaminen');
  await expect(stepName(anna)).toHaveText('Tapaaminen on päättynyt');
  expect(asked).toBe('Päätetäänkö tapaaminen kaikilta?');
  await expect(anna.getByText('Fasilitaattori: Kaisa')).toBeVisible();
  await expect(anna.getByRole('link', { name: 'Lue tapaamisen yhteenveto' })).toBeVisible();
  await anna.screenshot({ path: `${shots}fi-phone-ended.png` });

  // The summary: the case and the vote first, the next meeting as agreed, dates in Finnish.
  await kaisa.getByRole('link', { name: 'Lue tapaamisen yhteenveto' }).click();
  const summary = kaisa.locator('.meeting-summary');
  await expect(summary).toContainText('Seuraava tapaaminen');
  await expect(summary).toContainText('20.5.2026 17:30');
  await expect(summary).toContainText('https://meet.example/verme');
  await expect(summary.getByRole('heading').first()).toHaveText('Tapaukset');
  await kaisa.screenshot({ path: `${shots}fi-summary.png`, fullPage: true });
  await kaisa.goBack();
  await waitForBoard(kaisa);

  // The next meeting brings Anna along from the ended board; no second start meanwhile.
  await kaisa.getByRole('link', { name: 'Takaisin ryhmään' }).click();
  await kaisa.getByRole('button', { name: 'Aloita tapaaminen' }).click();
  await waitForBoard(kaisa);
  await kaisa.getByRole('link', { name: 'Takaisin ryhmään' }).click();
  await expect(kaisa.getByText('Ryhmän tapaaminen on käynnissä')).toBeVisible();
  await expect(kaisa.getByRole('button', { name: 'Aloita tapaaminen' })).toHaveCount(0);
  const join = anna.getByRole('link', { name: 'Liity tapaamiseen' });
  await expect(join).toBeVisible({ timeout: 20_000 });
  await join.tap();
  await waitForBoard(anna);
  await expect(stepName(anna)).toHaveText('Tapaaminen ei ole vielä alkanut');
  await phone.close();
});

/** What a step needs before the group moves on: a case owner, notes to vote on, a tapped vote. */
async function stepWork(kaisa: Page, anna: Page, methodId: string, stepId: string): Promise<void> {
  if (methodId === 'check-in-round' && stepId === 'round') {
    await press(kaisa, 'Aloita kierros');
    await expect(cue(anna)).toHaveText('Kuuntele – Kaisa puhuu. Olet seuraavana vuorossa.');
    await press(kaisa, 'Seuraava puhuja');
    await expect(cue(anna)).toHaveText('Sinun vuorosi');
    await expect(button(anna, 'Jaa lappuni')).toBeVisible();
    await button(anna, 'Ohita vuoroni').tap();
    await expect(cue(anna)).toHaveText('Kierros on päättynyt');
    return;
  }
  if (methodId === 'problem-clinic' && stepId === 'choose-case') {
    await writeNote(kaisa, 'Tapausjono', 320, 60, 'Uuden kollegan perehdytys');
    await writeNote(kaisa, 'Tapausjono', 320, 320, 'Ei-sanominen esihenkilölle');
    await expect(note(anna, 'Uuden kollegan perehdytys')).toBeVisible();
    await kaisa.getByLabel('Ääniä henkilöä kohden').fill('1');
    await press(kaisa, 'Aloita pisteäänestys');
    const dot = anna.getByRole('button', { name: 'Äänestä tätä lappua', exact: true }).first();
    await expect(dot).toBeVisible();
    const box = (await dot.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await dot.tap();
    await expect(anna.getByText('Sinulla on 0/1 ääntä jäljellä')).toBeVisible();
    await expect(kaisa.getByText('1/2 on äänestänyt')).toBeVisible();
    await anna.screenshot({ path: `${shots}fi-phone-vote-open.png` });
    await press(kaisa, 'Päätä äänestys ja näytä tulos');
    await expect(anna.locator('.vb-vote-count')).toHaveText(['1 ääni']);
    await kaisa.getByRole('combobox', { name: 'Tapauksen tuoja', exact: true }).selectOption({ label: 'Anna' });
    return;
  }
  if (methodId === 'next-meeting') {
    // Agreed on the phone in the step itself: one record with date, time, place and theme.
    const form = anna.getByRole('form', { name: 'Muokkaa seuraavaa tapaamista' });
    await form.getByLabel('Päivämäärä').fill('2026-05-20');
    await form.getByLabel('Kellonaika').fill('17:30');
    await form.getByLabel('Paikka tai linkki').fill('https://meet.example/verme');
    await form.getByLabel('Teema').fill('Rahoitushaut');
    await form.getByRole('button', { name: 'Tallenna' }).tap();
    await expect(form.getByRole('button', { name: 'Tallenna' })).not.toHaveAttribute('aria-disabled', 'true');
  }
}
