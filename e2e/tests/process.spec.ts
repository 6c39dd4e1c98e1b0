// The group's process across meetings: goals set on the group home and read by a newcomer, a meeting
// with a goal recap and a reflection whose notes become progress notes and an action item, the
// summary on the group home and its exports, the next meeting ticking the action item off, and the
// competence self-assessment. The facilitator is Kaisa, the member Anna. One server for the file.
import { expect, test } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';
import { createGroup, startMeeting, waitForBoard } from '../flows.js';
import {
  actionItemsSection,
  addGoal,
  backToGroup,
  buildAgenda,
  download,
  endMeeting,
  goalItem,
  meetingsSection,
  openInvite,
  selfAssessmentSection,
  writeNoteUnder,
} from '../process.js';
import { expectStepEverywhere, frameLabel, gotoStep, moveStep, note, press, writeNote } from '../facilitation.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const goalRecap = 'Goal recap';
const reflection = 'Reflection: What? So what? Now what?';
const groundRules = ['Everyone is heard and nobody dominates.', 'What is said in the group stays in the group.'];

test('a group lives through two meetings: goals, welcome, recap, reflection, summary, action carried over', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const kaisa = page;
  const group = 'Funding circle';
  const goal1 = 'By May, each of us has sent one funding application';
  const goal2 = 'Every member leads one partner meeting this spring';
  const progress = 'Draft sent to the foundation';
  const action = 'Anna asks the city for a letter of support';

  // 1. Kaisa creates the group and sets two goals; Anna joins and reads the welcome first.
  const links = await createGroup(kaisa, server.url, group, 'Kaisa');
  await addGoal(kaisa, goal1);
  await addGoal(kaisa, goal2);
  await expect(kaisa.getByText('2 of 3 goals')).toBeVisible();

  const anna = await openInvite(browser, links.member, 'Anna', group);
  await expect(anna.welcome.getByRole('heading', { name: 'The group’s goals' })).toBeVisible();
  const welcomeLists = anna.welcome.getByRole('list');
  await expect(welcomeLists.nth(0).getByRole('listitem')).toHaveText([goal1, goal2]);
  await expect(anna.welcome.getByRole('heading', { name: 'Ground rules' })).toBeVisible();
  await expect(welcomeLists.nth(1).getByRole('listitem')).toHaveText(groundRules);
  // No meeting yet: she continues to the group and waits there for the facilitator.
  await anna.welcome.getByRole('button', { name: 'Continue to the group' }).click();
  await expect(
    anna.page.getByRole('heading', { name: 'Waiting for the facilitator to start a meeting' }),
  ).toBeVisible();

  // 2. Kaisa starts a meeting; Anna is taken there. The agenda: goal recap, then reflection.
  await startMeeting(kaisa);
  await waitForBoard(anna.page);
  await expect(kaisa.getByRole('list', { name: 'People here' }).getByText('Anna', { exact: true })).toBeVisible();
  await buildAgenda(kaisa, [goalRecap, reflection]);
  await press(kaisa, 'Start the meeting');
  const everyone = [kaisa, anna.page];
  await expectStepEverywhere(everyone, 'Our goals');
  // The group's goals come onto the board as cards, for everyone.
  for (const p of everyone) {
    await expect(frameLabel(p, 'Our goals')).toBeVisible();
    await expect(note(p, goal1)).toBeVisible();
    await expect(note(p, goal2)).toBeVisible();
  }

  // The progress round: Anna puts her note under the first goal's card.
  await moveStep(kaisa, 'Next step', everyone, 'Progress round');
  await writeNoteUnder(anna.page, goal1, progress);
  await expect(note(kaisa, progress)).toBeVisible();

  // Reflection, "Now what?" together: Anna writes an action in the "Now what?" column.
  await gotoStep(kaisa, reflection, 'Now what? — together');
  await expectStepEverywhere(everyone, 'Now what? — together');
  await writeNote(anna.page, 'Now what? — actions', 60, 100, action);
  await expect(note(kaisa, action)).toBeVisible();
  await endMeeting(kaisa);
  await expectStepEverywhere([anna.page], 'The meeting has ended');
  await anna.context.close();

  // 3. The group home: the summary, the goal's progress-note history and the action item.
  await backToGroup(kaisa, group);
  const meetings = meetingsSection(kaisa);
  await meetings.getByText(/^Summary of the meeting of/).click();
  const summary = meetings.locator('.meeting-summary');
  await expect(summary).toBeVisible();
  // Attendance in the order people arrived, which depends on who connected first; then what was
  // decided (here the action item), with the step-timing log last.
  await expect(summary).toContainText(
    /Attended: (Kaisa \(facilitator\), Anna|Anna, Kaisa \(facilitator\))Action items/,
  );
  await expect(summary).toContainText(/Agenda as run.*Closing words — not reached \(planned 5 min\)$/);
  // The reflection's "Now what?" column holds Anna's note; the goal shows her progress note.
  await expect(summary.getByRole('heading', { name: 'Reflection', exact: true })).toBeVisible();
  const nowWhat = summary
    .locator('.summary-columns > div')
    .filter({ has: kaisa.getByRole('heading', { name: 'Now what?', exact: true }) });
  await expect(nowWhat.getByRole('listitem')).toHaveText([action]);
  const goalInSummary = summary
    .locator('div')
    .filter({ has: kaisa.getByRole('heading', { name: goal1 }) })
    .last();
  await expect(goalInSummary.getByRole('listitem')).toHaveText([`Anna: ${progress}`]);
  await expect(summary.getByRole('heading', { name: 'Action items' })).toBeVisible();
  await expect(summary.getByRole('listitem').filter({ hasText: `${action} — Anna` })).toBeVisible();

  const firstGoal = goalItem(kaisa, goal1);
  await firstGoal.getByText('Progress notes (1)').click();
  await expect(firstGoal.getByText(progress)).toBeVisible();
  await expect(firstGoal.getByText(/^Anna, meeting of /)).toBeVisible();
  await expect(goalItem(kaisa, goal2).getByText('Progress notes (0)')).toBeVisible();

  const actions = actionItemsSection(kaisa);
  const openActions = actions.getByRole('list', { name: 'Open' });
  await expect(openActions.getByRole('checkbox', { name: action })).not.toBeChecked();
  await expect(openActions.getByRole('listitem').filter({ hasText: action })).toContainText('Owner: Anna');

  // 4. The summary as Markdown, and its print view.
  const markdown = await download(kaisa, meetings.getByRole('link', { name: 'Download Markdown' }));
  expect(markdown.fileName).toMatch(/\.md$/);
  const text = markdown.bytes.toString('utf8');
  expect(text).toContain(group);
  expect(text).toContain(action);
  expect(text).toContain(progress);
  await meetings.getByRole('link', { name: 'Print / PDF' }).click();
  await expect(kaisa.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible({ timeout: 30_000 });
  await expect(kaisa.getByText(action, { exact: true })).toBeVisible();
  await kaisa.getByRole('link', { name: 'Back to the group' }).click();
  await expect(kaisa.getByRole('heading', { level: 1, name: group })).toBeVisible({ timeout: 30_000 });

  // 5. The next meeting's goal recap offers the open action item in its "Adjust" step.
  await startMeeting(kaisa);
  await buildAgenda(kaisa, [goalRecap]);
  await press(kaisa, 'Start the meeting');
  await expectStepEverywhere([kaisa], 'Our goals');
  const review = kaisa.getByRole('region', { name: 'Action items from earlier meetings' });
  await expect(review).toHaveCount(0);
  await gotoStep(kaisa, goalRecap, 'Adjust the goals');
  await expectStepEverywhere([kaisa], 'Adjust the goals');
  const tick = review.getByRole('checkbox', { name: `Done: ${action}` });
  await expect(tick).toBeVisible();
  await expect(review).toContainText('Anna');
  // A click ticks it off: the item leaves the list once the server has it done.
  await tick.click();
  await expect(review.getByText('No open action items. Well done!')).toBeVisible();

  await backToGroup(kaisa, group);
  await expect(actions.getByText('No open action items.')).toBeVisible();
  await actions.getByText('Done (1)').click();
  await expect(actions.getByRole('checkbox', { name: action })).toBeChecked();
  await expect(actions.getByRole('listitem').filter({ hasText: action })).toContainText(/Done /);
});

test('the board exports as PNG and SVG from a meeting', async ({ page }) => {
  await createGroup(page, server.url, 'Export group', 'Kaisa');
  await startMeeting(page);
  // Something to draw: the meeting frame's first step places its frame and ground-rule notes.
  await press(page, 'Use the meeting frame');
  await press(page, 'Start the meeting');
  await expectStepEverywhere([page], 'Welcome and ground rules');
  await expect(page.locator('.tl-shape[data-shape-type="frame"]').first()).toBeVisible();

  const png = await download(page, page.getByRole('button', { name: 'Export board as PNG' }));
  expect(png.fileName).toMatch(/\.png$/);
  expect(png.bytes.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
  expect(png.bytes.length).toBeGreaterThan(5_000);

  const svg = await download(page, page.getByRole('button', { name: 'Export board as SVG' }));
  expect(svg.fileName).toMatch(/\.svg$/);
  expect(svg.bytes.toString('utf8').trimStart()).toMatch(/^<svg[\s>]/);
  expect(svg.bytes.toString('utf8')).toContain('</svg>');
});

test('a member fills a start and an end self-assessment and sees their chart; the group’s averages wait for the facilitator', async ({
  browser,
  page,
}) => {
  const group = 'Assessment group';
  const links = await createGroup(page, server.url, group, 'Kaisa');
  const anna = await openInvite(browser, links.member, 'Anna', group);
  await anna.welcome.getByRole('button', { name: 'Continue to the group' }).click();
  const section = selfAssessmentSection(anna.page);
  await expect(section).toBeVisible({ timeout: 30_000 });

  const form = section.getByRole('form', { name: 'Fill in your self-assessment' });
  const areas = form.getByRole('radiogroup');
  await expect(areas).toHaveCount(5);
  await expect(areas.first()).toHaveAccessibleName('Planning and leading projects');

  /** Rates every area of the form: `ratings[i]` for the i-th area. */
  const rateAll = async (ratings: readonly number[]) => {
    for (const [i, rating] of ratings.entries()) {
      await areas
        .nth(i)
        .getByRole('radio', { name: new RegExp(`^${rating}`) })
        .check();
    }
    await form.getByRole('button', { name: 'Save my answers' }).click();
  };

  // At the start.
  await expect(form.getByRole('radio', { name: 'At the start' })).toBeChecked();
  await rateAll([2, 1, 3, 2, 2]);
  await expect(
    section.getByRole('status').filter({ hasText: 'Your answers for “At the start” are saved.' }),
  ).toBeVisible();
  const chart = section.getByRole('img', { name: /^Radar chart of your self-assessment/ });
  await expect(chart).toBeVisible();

  // At the end: the form folds away under the chart; open it again and choose the end phase.
  await section.getByText('Update your self-assessment').click();
  await form.getByRole('radio', { name: /^At the end/ }).check();
  await rateAll([4, 3, 4, 5, 3]);
  await expect(
    section.getByRole('status').filter({ hasText: 'Your answers for “At the end” are saved.' }),
  ).toBeVisible();
  await expect(chart).toHaveAccessibleName(/Planning and leading projects: At the start 2, At the end 4\./);
  await expect(chart).toHaveAccessibleName(/Leading people: At the start 2, At the end 5\./);

  await chart.scrollIntoViewIfNeeded();
  const shot = await section.screenshot({ path: test.info().outputPath('self-assessment.png') });
  await test.info().attach('self-assessment', { body: shot, contentType: 'image/png' });

  // Nothing is released: a member sees no figures and no count of who has answered.
  const averages = section.locator('.assessment-summary');
  await expect(averages.getByRole('heading', { name: 'Group averages' })).toBeVisible();
  await expect(averages.getByRole('table')).toHaveCount(0);
  await expect(averages.getByRole('listitem').filter({ hasText: 'At the start:' })).toHaveText(
    'At the start: The averages are shown once the facilitator closes this phase.',
  );
  await expect(averages).not.toContainText('answered');
  // The facilitator sees the progress, and that one answer is too few to show anything.
  await page.reload();
  const kaisas = selfAssessmentSection(page).locator('.assessment-summary');
  await expect(kaisas.getByRole('listitem').filter({ hasText: 'At the start:' })).toHaveText(
    'At the start: 1 of 2 answered. At least 3 answers are needed before the averages can be shown.',
  );
  await anna.context.close();
});

test('the facilitator closes a self-assessment phase and the group sees averages that stay put', async ({ page }) => {
  const group = 'Release group';
  const links = await createGroup(page, server.url, group, 'Kaisa');
  // Three members answer (through the API, as their browsers would).
  const memberToken = links.member.split('/join/')[1]!;
  const groupId = new URL(page.url()).pathname.split('/')[2]!;
  for (const [name, rating] of [
    ['Anna', 2],
    ['Ben', 3],
    ['Cai', 5],
  ] as const) {
    const joined = (await (
      await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: memberToken, displayName: name }),
      })
    ).json()) as { participantToken: string };
    const auth = { authorization: `Bearer ${joined.participantToken}` };
    const areas = (
      (await (await fetch(`${server.url}/api/groups/${groupId}/competence-areas`, { headers: auth })).json()) as {
        areas: { id: string }[];
      }
    ).areas;
    const saved = await fetch(`${server.url}/api/groups/${groupId}/assessments/mine/start`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ratings: areas.map((a) => ({ areaId: a.id, rating })) }),
    });
    expect(saved.status).toBe(200);
  }
  await page.reload();
  const section = selfAssessmentSection(page);
  const start = section.getByRole('listitem').filter({ hasText: 'At the start:' });
  await expect(start).toContainText('3 of 4 answered.');
  await start.getByRole('button', { name: 'Close “At the start” and show the averages' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close “At the start” and show its averages to the group?' });
  await expect(dialog).toContainText('They will not change afterwards');
  await dialog.getByRole('button', { name: 'Close “At the start” and show the averages' }).click();
  const table = section.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'At the start (3 answered)' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Planning and leading projects/ })).toContainText('3.3');

  await section.scrollIntoViewIfNeeded();
  const shot = await section.screenshot({ path: test.info().outputPath('assessment-released.png') });
  await test.info().attach('assessment-released', { body: shot, contentType: 'image/png' });
});

test('removing someone says the links are renewed, and the group home shows the new ones', async ({
  browser,
  page,
}) => {
  const group = 'Removal group';
  const links = await createGroup(page, server.url, group, 'Kaisa');
  const anna = await openInvite(browser, links.member, 'Anna', group);
  await anna.context.close();
  await page.reload();
  await page.getByRole('button', { name: 'Remove Anna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Anna from the group?' });
  await expect(dialog).toContainText('The invite links are renewed at the same time');
  const shot = await dialog.screenshot({ path: test.info().outputPath('remove-dialog.png') });
  await test.info().attach('remove-dialog', { body: shot, contentType: 'image/png' });
  await dialog.getByRole('button', { name: 'Remove Anna' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Anna was removed from the group.' })).toBeVisible();
  const memberLink = page.getByRole('textbox', { name: 'Member link' });
  await expect(memberLink).not.toHaveValue(links.member);
  await expect(page.getByRole('textbox', { name: 'Observer link' })).not.toHaveValue(links.observer);
});

test('leaving a group on this device deletes its identity and the copies of its boards', async ({ page }) => {
  const group = 'Leaving group';
  await createGroup(page, server.url, group, 'Kaisa');
  const groupId = new URL(page.url()).pathname.split('/')[2]!;
  await startMeeting(page);
  const copies = () =>
    page.evaluate(async () =>
      (await indexedDB.databases()).map((db) => db.name ?? '').filter((n) => n.startsWith('vermeboard:meeting/')),
    );
  // The board and the facilitator’s private notes.
  await expect.poll(copies).toHaveLength(2);
  await backToGroup(page, group);

  await page.getByRole('button', { name: 'Leave this group on this device' }).click();
  const dialog = page.getByRole('dialog', { name: `Leave ${group} on this device?` });
  await expect(dialog).toContainText('copies of the group’s boards and your private notes');
  const shot = await dialog.screenshot({ path: test.info().outputPath('leave-dialog.png') });
  await test.info().attach('leave-dialog', { body: shot, contentType: 'image/png' });
  await dialog.getByRole('button', { name: 'Leave this group on this device' }).click();

  await expect(page).toHaveURL(`${server.url}/`);
  await expect.poll(copies).toEqual([]);
  const identities = await page.evaluate(() => localStorage.getItem('vermeboard.identities') ?? '{}');
  expect(Object.keys(JSON.parse(identities) as object)).not.toContain(groupId);
  await page.goto(`${server.url}/g/${groupId}`);
  await expect(page.getByRole('heading', { name: 'You have not joined this group in this browser' })).toBeVisible();
});
