// WCAG 2.1 AA, checked by axe-core on every page and panel of the app in every language it ships:
// home, join, welcome, the group home with all its sections, a meeting as facilitator, member and
// observer (draft, running, the outline open, a vote open, ended), the summary and its print view.
// One server and one meeting serve every check; the language is switched in place with the header's
// language menu where the page has one.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { locales, type Locale } from '../../client/src/i18n/messages.js';
import { launchServer, type ServerProcess } from '../server.js';
import { createGroup, startMeeting, waitForBoard } from '../flows.js';
import { addMethod, expectStepEverywhere, press, startAgenda, stepName, writeNote } from '../facilitation.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Nothing is excluded, tldraw's canvas and menus included: with the app's note colours and names,
// axe finds nothing of tldraw's to excuse. A violation that is tldraw's own and cannot be fixed from
// the app would be excluded here by rule and selector, with the reason.

interface Found {
  where: string;
  rule: string;
  help: string;
  targets: string[];
}

const found: Found[] = [];

/** Runs axe on the page as it is now and files every violation under `where`, to report them all at the end. */
async function audit(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  for (const v of results.violations) {
    found.push({
      where,
      rule: v.id,
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    });
  }
}

/** Switches the page's language with the header's menu (or storage and a reload where there is none). */
async function useLocale(page: Page, locale: Locale): Promise<void> {
  const select = page.locator('select.language-select');
  if ((await select.count()) > 0) {
    await select.selectOption(locale);
  } else {
    await page.evaluate((l) => localStorage.setItem('vermeboard.locale', l), locale);
    await page.reload();
  }
  await expect(page.locator(`html[lang="${locale}"]`)).toHaveCount(1);
}

/** Audits the page once per language, leaving it in English. */
async function auditEveryLocale(page: Page, where: string, settled?: () => Promise<void>): Promise<void> {
  for (const locale of locales) {
    await useLocale(page, locale);
    await settled?.();
    await audit(page, `${where} [${locale}]`);
  }
  await useLocale(page, 'en');
}

async function newPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('every page and panel passes axe’s WCAG 2.1 AA rules in every language', async ({ browser, page }) => {
  test.setTimeout(600_000);
  const kaisa = page;
  await kaisa.goto(server.url);
  await expect(kaisa.getByLabel('Group name')).toBeVisible();
  await auditEveryLocale(kaisa, 'home');

  const links = await createGroup(kaisa, server.url, 'Axe group', 'Kaisa');
  await auditEveryLocale(kaisa, 'group home, facilitator');

  // A member joins: the join page, then the welcome for someone new.
  const anna = await newPerson(browser);
  await anna.goto(links.member);
  await expect(anna.getByLabel('Your name')).toBeVisible();
  await auditEveryLocale(anna, 'join');
  await anna.getByLabel('Your name').fill('Anna');
  await anna.getByRole('button', { name: 'Join' }).click();
  const onward = anna.getByRole('button', { name: 'Continue to the group' });
  await expect(onward).toBeVisible();
  await auditEveryLocale(anna, 'welcome');
  await onward.click();
  await expect(anna.getByRole('heading', { name: 'Axe group' })).toBeVisible();

  const olli = await newPerson(browser);
  await olli.goto(links.observer);
  await olli.getByLabel('Your name').fill('Olli');
  await olli.getByRole('button', { name: 'Join' }).click();
  await olli.getByRole('button', { name: 'Continue to the group' }).click();
  await expect(olli.getByRole('heading', { name: 'Axe group' })).toBeVisible();

  // The meeting in draft, as the facilitator builds the agenda.
  await startMeeting(kaisa);
  await kaisa.getByText('Method library').click();
  await auditEveryLocale(kaisa, 'meeting draft, facilitator (library open)');
  await addMethod(kaisa, 'Reflection: What? So what? Now what?');
  await startAgenda(kaisa);
  await press(kaisa, 'Next step');
  for (const p of [anna, olli]) {
    await p.goto(kaisa.url());
    await waitForBoard(p);
  }
  await expectStepEverywhere([kaisa, anna, olli], 'What happened? — together');
  await writeNote(anna, 'What? — facts', 40, 60, 'Two cases were heard');

  await auditEveryLocale(kaisa, 'meeting running, facilitator');
  await auditEveryLocale(olli, 'meeting running, observer');
  await anna.getByRole('button', { name: 'Show the board outline' }).click();
  await expect(anna.getByRole('tree', { name: 'Board outline' })).toBeVisible();
  await auditEveryLocale(anna, 'meeting running, member, outline open');

  // A dot vote open, for the member.
  await press(kaisa, 'Start a dot vote');
  await expect(anna.getByText(/votes left/)).toBeVisible();
  await auditEveryLocale(anna, 'meeting, member, vote open');
  await press(kaisa, 'Close the vote and show the counts');

  // The shortcuts dialog.
  await kaisa.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(kaisa.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await audit(kaisa, 'shortcuts dialog, facilitator [en]');
  await kaisa.keyboard.press('Escape');

  // Ended: the meeting's summary link, then the print view.
  kaisa.once('dialog', (dialog) => void dialog.accept());
  await press(kaisa, 'End the meeting');
  await expect(stepName(kaisa)).toHaveText('The meeting has ended');
  await auditEveryLocale(kaisa, 'meeting ended, facilitator');
  await kaisa
    .getByRole('link', { name: /summary/i })
    .first()
    .click();
  await expect(kaisa.locator('.meeting-summary')).toBeVisible();
  await auditEveryLocale(kaisa, 'summary print view', () => expect(kaisa.locator('.meeting-summary')).toBeVisible());
  await kaisa.emulateMedia({ media: 'print' });
  await audit(kaisa, 'summary print view, print media [en]');
  await kaisa.emulateMedia({ media: 'screen' });

  // The group home after the meeting: history, summary, every section filled in.
  await kaisa.goto(server.url + new URL(kaisa.url()).pathname.replace(/\/m\/.*$/, ''));
  await expect(kaisa.getByRole('heading', { name: 'Axe group' })).toBeVisible();
  await auditEveryLocale(kaisa, 'group home after a meeting, facilitator');
  await anna.goto(server.url + new URL(anna.url()).pathname.replace(/\/m\/.*$/, ''));
  await expect(anna.getByRole('heading', { name: 'Axe group' })).toBeVisible();
  await auditEveryLocale(anna, 'group home after a meeting, member');

  const report = found.map((f) => `${f.where}: ${f.rule} (${f.help})\n    ${f.targets.join('\n    ')}`).join('\n');
  expect(report, 'axe found WCAG 2.1 AA violations').toBe('');
  await anna.context().close();
  await olli.context().close();
});

/** Whether anything on the page, or any of its panels, scrolls sideways. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main, main *'))) {
      // tldraw's canvas pans by design; everything else must fit its width.
      if (el.closest('.tl-container')) continue;
      const style = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.className || el.tagName} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
}

test('at 200 % zoom (640 px wide) no page or panel scrolls sideways', async ({ browser }) => {
  // 200 % zoom of a 1280 px window is a 640 px viewport at device scale 1.
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 1 });
  const kaisa = await context.newPage();
  await kaisa.goto(server.url);
  expect(await sidewaysScrollers(kaisa)).toEqual([]);
  await createGroup(kaisa, server.url, 'Zoom group', 'Kaisa');
  expect(await sidewaysScrollers(kaisa)).toEqual([]);
  await startMeeting(kaisa);
  await addMethod(kaisa, 'Check-in round');
  expect(await sidewaysScrollers(kaisa)).toEqual([]);
  await startAgenda(kaisa);
  await expect(stepName(kaisa)).toHaveText('Silent prep');
  expect(await sidewaysScrollers(kaisa)).toEqual([]);
  await kaisa.getByRole('button', { name: 'Show the board outline' }).click();
  await expect(kaisa.getByRole('tree', { name: 'Board outline' })).toBeVisible();
  expect(await sidewaysScrollers(kaisa)).toEqual([]);
  await kaisa.screenshot({ path: test.info().outputPath('zoom-200-meeting.png') });
  await context.close();
});
