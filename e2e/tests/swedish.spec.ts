// Swedish, Finland's second official language, as a Swedish-speaking group meets it: the browser's
// language picks Swedish, a group created there starts with Swedish ground rules, and the meeting,
// the methods and tldraw's own menus are in Swedish (with the app's words where tldraw's are wrong).
// The Swedish meeting is photographed for the README (docs/screenshots/meeting-sv.png); the same
// view in English and on a Swedish phone go to the test's output for comparison.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { builtInMethods } from '@vermeboard/shared';
import { launchServer, type ServerProcess } from '../server.js';
import { createGroup, startMeeting, waitForBoard } from '../flows.js';
import { cue, frameLabel, press, writeNote } from '../facilitation.js';

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const stepName = (page: Page) => page.locator('.vb-step-card__step');

/** tldraw's toolbar button for a tool, whether it renders it as a radio or a plain button. */
const tool = (page: Page, name: RegExp) =>
  page.getByRole('radio', { name }).or(page.getByRole('button', { name })).first();

test('the interface switches to Swedish, tldraw menus included', async ({ page }) => {
  await createGroup(page, server.url, 'Språktest', 'Kaisa');
  await startMeeting(page);
  await page.getByLabel('Language').selectOption({ label: 'Svenska' });
  await expect(page.getByLabel('Språk')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  // The app's own strings…
  await expect(page.getByRole('link', { name: 'Tillbaka till gruppen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Använd träffens stomme' })).toBeVisible();
  // …and tldraw's toolbar: its Swedish "Välj", and the app's "Lapp" where tldraw says "Anmärkning".
  await expect(tool(page, /^Välj/)).toBeVisible();
  await expect(tool(page, /^Lapp/)).toBeVisible();
  await expect(tool(page, /Anmärkning/)).toHaveCount(0);
  // tldraw's main menu speaks Swedish too.
  await page.getByRole('button', { name: 'Meny' }).click();
  await expect(page.getByRole('menuitem', { name: /Redigera/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  // The choice is remembered: a reload stays Swedish.
  await page.reload();
  await waitForBoard(page);
  await expect(page.getByLabel('Språk')).toHaveValue('sv');
});

test('a Swedish browser gets a Swedish group and meeting, on a desktop and on a phone', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const desktop = await browser.newContext({ locale: 'sv-FI', viewport: { width: 1280, height: 800 } });
  const kaisa = await desktop.newPage();

  // The browser says sv-FI: the home page is in Swedish, and so is the group's language.
  await kaisa.goto(server.url);
  await expect(kaisa.getByRole('heading', { name: 'Skapa en grupp' })).toBeVisible();
  await expect(kaisa.getByLabel('Gruppens språk')).toHaveValue('sv');
  await kaisa.getByLabel('Gruppens namn').fill('Kamratmentorer');
  await kaisa.getByLabel('Ditt namn').fill('Kaisa');
  await kaisa.getByRole('button', { name: 'Skapa grupp' }).click();
  await expect(kaisa.getByRole('heading', { name: 'Kamratmentorer' })).toBeVisible();
  await expect(kaisa.getByText('Det som sägs i gruppen stannar i gruppen.').first()).toBeVisible();
  await expect(kaisa.getByText('Planering och ledning av projekt').first()).toBeVisible();
  const memberLink = await kaisa.getByRole('textbox', { name: 'Medlemslänk' }).inputValue();
  await kaisa.screenshot({ path: testInfo.outputPath('sv-group-home.png'), fullPage: true });
  await kaisa.getByRole('button', { name: 'Starta en träff' }).click();
  await waitForBoard(kaisa);

  const phone = await browser.newContext({
    locale: 'sv-FI',
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const anna = await phone.newPage();
  await anna.goto(memberLink);
  await anna.getByLabel('Ditt namn').fill('Anna');
  await anna.getByRole('button', { name: 'Gå med' }).click();
  await expect(anna.getByRole('heading', { name: 'Välkommen till Kamratmentorer' })).toBeVisible();
  await anna.screenshot({ path: testInfo.outputPath('sv-phone-welcome.png'), fullPage: true });
  await anna.getByRole('button', { name: 'Fortsätt till träffen' }).click();
  await waitForBoard(anna);

  await press(kaisa, 'Använd träffens stomme');
  await press(kaisa, 'Starta träffen');
  const welcome = builtInMethods.welcome!.steps[0]!;
  for (const p of [kaisa, anna]) await expect(stepName(p)).toHaveText(welcome.title.sv, { timeout: 20_000 });
  // The welcome frame the server placed is named in the group's language, with its Swedish rules.
  await expect(frameLabel(kaisa, 'Spelregler').first()).toBeVisible();

  // On to the check-in round's silent prep: Anna writes a private note in the Swedish frame.
  await press(kaisa, 'Nästa steg');
  const prep = builtInMethods['check-in-round']!.steps[0]!;
  for (const p of [kaisa, anna]) await expect(stepName(p)).toHaveText(prep.title.sv, { timeout: 20_000 });
  await expect(cue(anna)).toHaveText('Skriv i tysthet');
  await expect(anna.getByText(prep.instructions.sv)).toBeVisible();
  await writeNote(kaisa, 'Incheckning', 40, 60, 'Pigg – ansökan inskickad');
  await expect(kaisa.getByText('Privat – bara du ser den här').first()).toBeVisible();
  await expect(kaisa.getByText('0 av 2 klara')).toBeVisible();

  await kaisa.waitForTimeout(600); // the view glides to the step's frame
  await kaisa.screenshot({ path: `${shots}meeting-sv.png` });
  await anna.screenshot({ path: testInfo.outputPath('sv-phone-check-in.png') });
  // The same view in English, to compare what each language needs.
  await kaisa.getByLabel('Språk').selectOption('en');
  await expect(stepName(kaisa)).toHaveText(prep.title.en);
  await kaisa.screenshot({ path: testInfo.outputPath('en-desktop-check-in.png') });
  // Back in Swedish, the phone and the desktop still agree on the step.
  await kaisa.getByLabel('Language').selectOption('sv');
  await expect(stepName(kaisa)).toHaveText(prep.title.sv);
  await phone.close();
  await desktop.close();
});
