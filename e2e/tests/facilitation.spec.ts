// A facilitated meeting in several browsers: the facilitator Kaisa, the members Anna and Bob and,
// where it matters, the observer Olli. Each test has its own group against one server.
import { expect, test, type Page } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';
import { drawRectangle, shapes } from '../flows.js';
import {
  addMethod,
  button,
  clockSeconds,
  cue,
  expectStepEverywhere,
  facilitatorPanel,
  framesOnBoard,
  frameLabel,
  gotoStep,
  meetingWith,
  note,
  peopleList,
  postCommandAs,
  press,
  privateLabels,
  shownCount,
  snapshot,
  startAgenda,
  stepName,
  voteButtonFor,
  writeNote,
  moveStep,
} from '../facilitation.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The person marked as speaking in a page's people list. */
function speakingInPeopleList(page: Page) {
  return peopleList(page).locator('li[aria-current="true"]');
}

function turnOrder(page: Page) {
  return page.getByRole('region', { name: 'Turn order' });
}

test('check-in round: silent prep stays private, the turn moves, a note shows at its writer’s share and a pass keeps it private', async ({
  browser,
  page,
}) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Check-in group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;
  const everyone = meeting.everyone;

  // The facilitator builds the agenda from the meeting frame preset and starts it.
  await press(kaisa, 'Use the meeting frame');
  await expect(facilitatorPanel(kaisa).locator('.vb-agenda__name')).toHaveText([
    'Welcome and ground rules',
    'Check-in round',
    'Goal recap',
    'Problem clinic',
    'Reflection: What? So what? Now what?',
    'Next theme and date',
  ]);
  await startAgenda(kaisa);
  await expectStepEverywhere(everyone, 'Welcome and ground rules');
  await snapshot(kaisa, 'facilitator-step-facilitator');
  await snapshot(anna, 'facilitator-step-member');

  // Silent prep: everyone is told to write silently; new notes are private.
  await moveStep(kaisa, 'Next step', everyone, 'Silent prep');
  for (const p of [anna, bob]) await expect(cue(p)).toHaveText('Write silently');

  await writeNote(anna, 'Check-in', 80, 80, 'Anna feels sunny');
  await writeNote(bob, 'Check-in', 400, 80, 'Bob had a long week');
  await expect(privateLabels(anna)).toHaveCount(1);
  await expect(privateLabels(bob)).toHaveCount(1);
  // Nobody else's screen shows a private note.
  for (const p of [kaisa, bob]) await expect(p.getByText('Anna feels sunny')).toHaveCount(0);
  for (const p of [kaisa, anna]) await expect(p.getByText('Bob had a long week')).toHaveCount(0);
  await expect(privateLabels(kaisa)).toHaveCount(0);
  await snapshot(kaisa, 'silent-facilitator');
  await snapshot(anna, 'silent-member');

  // The step countdown agrees across screens (each browser corrects for its own clock offset).
  const timeLeft = (p: Page) => p.getByRole('timer', { name: /^Time left:/ });
  await expect(timeLeft(anna)).not.toHaveText('01:00');
  const [annaLeft, bobLeft] = await Promise.all([clockSeconds(timeLeft(anna)), clockSeconds(timeLeft(bob))]);
  expect(Math.abs(annaLeft - bobLeft)).toBeLessThanOrEqual(2);

  // "I'm done": the facilitator sees how many are done.
  const doneCount = kaisa.getByRole('status').filter({ hasText: /of \d+ done/ });
  await expect(doneCount).toHaveText('0 of 3 done');
  await press(anna, 'I’m done');
  await expect(doneCount).toHaveText('1 of 3 done');
  await expect(cue(anna)).toHaveText('Write silently — you said you are done');
  await press(bob, 'I’m done');
  await expect(doneCount).toHaveText('2 of 3 done');
  await expect(peopleList(kaisa).getByRole('listitem').filter({ hasText: 'Anna' })).toContainText('done');

  // The round: the turn order shows (joining order), and nobody speaks before it starts.
  await moveStep(kaisa, 'Next step', everyone, 'Check-in round');
  for (const p of everyone) {
    await expect(turnOrder(p).getByRole('listitem')).toHaveCount(3);
    await expect(turnOrder(p).getByRole('listitem').nth(0)).toContainText('Kaisa');
    await expect(turnOrder(p).getByRole('listitem').nth(1)).toContainText('Anna');
    await expect(turnOrder(p).getByRole('listitem').nth(2)).toContainText('Bob');
    await expect(cue(p)).toHaveText('The round starts soon');
  }
  // Still private: nobody's turn has come.
  await expect(kaisa.getByText('Anna feels sunny')).toHaveCount(0);

  await press(kaisa, 'Start the round');
  for (const p of everyone) {
    await expect(speakingInPeopleList(p)).toContainText('Kaisa');
    await expect(turnOrder(p).locator('li[aria-current="true"]')).toContainText('Kaisa');
  }
  await expect(cue(kaisa)).toHaveText('Your turn');
  await expect(cue(anna)).toHaveText('Listen — Kaisa is speaking. You are next.');
  await expect(cue(bob)).toHaveText('Listen — Kaisa is speaking');

  // The facilitator passes her own turn; Anna's turn starts, and her note appears for everyone
  // when she shares it — not when the turn is given.
  await press(kaisa, 'Pass');
  for (const p of everyone) {
    await expect(speakingInPeopleList(p)).toContainText('Anna');
    await expect(turnOrder(p).locator('li[aria-current="true"]')).toContainText('Anna');
  }
  await expect(kaisa.getByText('Anna feels sunny')).toHaveCount(0);
  await press(anna, 'Share my note');
  for (const p of everyone) await expect(note(p, 'Anna feels sunny')).toBeVisible({ timeout: 20_000 });
  await expect(turnOrder(kaisa).getByRole('listitem').nth(0)).toContainText('passed');
  await expect(cue(anna)).toHaveText('Your turn');
  await expect(cue(bob)).toHaveText('Listen — Anna is speaking. You are next.');
  await snapshot(kaisa, 'round-robin-facilitator');
  await snapshot(bob, 'round-robin-member');
  // Anna's note is on the board now, no longer marked private; Bob's is still his alone.
  await expect(privateLabels(anna)).toHaveCount(0);
  await expect(privateLabels(bob)).toHaveCount(1);
  for (const p of [kaisa, anna]) await expect(p.getByText('Bob had a long week')).toHaveCount(0);

  // The turn's countdown agrees on two screens.
  const thisTurn = (p: Page) => p.getByRole('timer', { name: /^This turn:/ });
  await expect(thisTurn(bob)).not.toHaveText('02:00');
  const [kaisaTurn, bobTurn] = await Promise.all([clockSeconds(thisTurn(kaisa)), clockSeconds(thisTurn(bob))]);
  expect(Math.abs(kaisaTurn - bobTurn)).toBeLessThanOrEqual(2);

  // Anna ends her own turn; Bob's starts.
  await press(anna, 'I’m finished');
  for (const p of everyone) await expect(speakingInPeopleList(p)).toContainText('Bob');
  await expect(cue(bob)).toHaveText('Your turn');
  // Bob passes without sharing: the round is over and his note stays his alone.
  await press(bob, 'Pass my turn');
  for (const p of everyone) await expect(cue(p)).toHaveText('The round is over');
  await expect(speakingInPeopleList(kaisa)).toHaveCount(0);
  for (const p of [kaisa, anna]) await expect(p.getByText('Bob had a long week')).toHaveCount(0);
  await expect(privateLabels(bob)).toHaveCount(1);

  await meeting.close();
});

test('problem clinic: the case owner presents, then listens while the consultants give ideas', async ({
  browser,
  page,
}) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Clinic group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;

  await addMethod(kaisa, 'Problem clinic');
  await startAgenda(kaisa);
  await expectStepEverywhere(meeting.everyone, 'Choose the case');
  await expect(cue(anna)).toHaveText('Open discussion — anyone may speak');

  await kaisa.getByLabel('Case owner', { exact: true }).selectOption({ label: 'Anna' });
  await expect(peopleList(bob).getByRole('listitem').filter({ hasText: 'Anna' })).toContainText('case owner');

  await moveStep(kaisa, 'Next step', meeting.everyone, 'Present the case');
  await expect(cue(anna)).toHaveText('Your turn');
  await expect(cue(bob)).toHaveText('Listen — Anna has the floor');
  await expect(cue(kaisa)).toHaveText('Listen — Anna has the floor');
  await expect(speakingInPeopleList(bob)).toContainText('Anna');
  await snapshot(kaisa, 'presenter-facilitator');
  await snapshot(anna, 'presenter-owner');
  await snapshot(bob, 'presenter-member');

  await gotoStep(kaisa, 'Problem clinic', 'Consultation');
  await expectStepEverywhere(meeting.everyone, 'Consultation');
  await expect(cue(bob)).toHaveText('Consultants: ideas for Anna; Anna listens');
  await expect(cue(kaisa)).toHaveText('Consultants: ideas for Anna; Anna listens');
  await expect(cue(anna)).toHaveText('Listen and take notes — the consultants discuss your case');
  await snapshot(kaisa, 'consultants-facilitator');
  await snapshot(anna, 'consultants-owner');

  await meeting.close();
});

test('dot vote: nobody sees counts before the close, then everyone sees the right ones', async ({ browser, page }) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Voting group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;

  await addMethod(kaisa, 'Problem clinic');
  await startAgenda(kaisa);
  await expectStepEverywhere(meeting.everyone, 'Choose the case');
  // Cases proposed on notes in the case queue (open step: the notes are public at once).
  await writeNote(anna, 'Case queue', 320, 60, 'Onboarding a colleague');
  await writeNote(bob, 'Case queue', 320, 320, 'Saying no to my manager');
  for (const p of meeting.everyone) {
    await expect(note(p, 'Onboarding a colleague')).toBeVisible();
    await expect(note(p, 'Saying no to my manager')).toBeVisible();
  }

  await kaisa.getByLabel('Votes per person').fill('2');
  await press(kaisa, 'Start a dot vote');
  for (const p of [anna, bob]) await expect(p.getByText('You have 2 of 2 votes left')).toBeVisible();

  // Anna puts both dots on her case; Bob splits his.
  await (await voteButtonFor(anna, 'Onboarding a colleague')).click();
  await expect(anna.getByText('You have 1 of 2 votes left')).toBeVisible();
  await (await voteButtonFor(anna, 'Onboarding a colleague')).click();
  await expect(anna.getByText('You have 0 of 2 votes left')).toBeVisible();
  await (await voteButtonFor(bob, 'Onboarding a colleague')).click();
  await expect(bob.getByText('You have 1 of 2 votes left')).toBeVisible();
  await (await voteButtonFor(bob, 'Saying no to my manager')).click();
  await expect(bob.getByText('You have 0 of 2 votes left')).toBeVisible();

  // Before the close, nobody's screen shows counts, and each member sees only their own dots.
  for (const p of meeting.everyone) {
    await expect(p.locator('.vb-vote-count')).toHaveCount(0);
    await expect(p.getByText(/^\d+ votes?$/)).toHaveCount(0);
  }
  await expect(bob.locator('.vb-vote-dots__mine').getByText('Your votes: 2', { exact: true })).toHaveCount(0);
  await expect(anna.locator('.vb-vote-dots__mine').getByText('Your votes: 2', { exact: true })).toHaveCount(1);
  await snapshot(kaisa, 'vote-open-facilitator');
  await snapshot(bob, 'vote-open-member');

  await press(kaisa, 'Close the vote and show the counts');
  for (const p of meeting.everyone) {
    await expect(p.locator('.vb-vote-count')).toHaveCount(2);
    await expect(p.getByText('Vote results: 2 people voted')).toBeVisible();
    expect(await shownCount(p, 'Onboarding a colleague')).toBe('3 votes');
    expect(await shownCount(p, 'Saying no to my manager')).toBe('1 vote');
  }
  await snapshot(anna, 'vote-closed-member');

  await meeting.close();
});

test('hand-over: the new facilitator leads, the previous one is refused by the server', async ({ browser, page }) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Rotating group', ['Anna', 'Bob']);
  const kaisa = page;
  const bob = people.Bob!;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await expectStepEverywhere(meeting.everyone, 'Silent prep');
  await expect(facilitatorPanel(bob)).toHaveCount(0);
  // A member's own attempt is refused too.
  expect(await postCommandAs(bob, { type: 'nextStep' })).toBe(403);

  await kaisa.getByLabel('Hand facilitation to').selectOption({ label: 'Bob' });
  await press(kaisa, 'Hand over');
  await expect(facilitatorPanel(bob)).toBeVisible();
  await expect(facilitatorPanel(kaisa)).toHaveCount(0);
  await expect(button(kaisa, 'Next step')).toHaveCount(0);
  // Everyone sees who leads the meeting now.
  for (const p of meeting.everyone) {
    await expect(peopleList(p).getByRole('listitem').filter({ hasText: 'Bob' })).toContainText('leads the meeting');
  }

  await moveStep(bob, 'Next step', meeting.everyone, 'Check-in round');
  await snapshot(bob, 'handed-over-new-facilitator');
  await snapshot(kaisa, 'handed-over-previous-facilitator');

  // Kaisa's token still says "facilitator", but the session decides: the server refuses her.
  expect(await postCommandAs(kaisa, { type: 'nextStep' })).toBe(403);
  expect(await postCommandAs(kaisa, { type: 'endMeeting' })).toBe(403);
  await expectStepEverywhere(meeting.everyone, 'Check-in round');

  await meeting.close();
});

test('an observer follows the meeting but has no controls and cannot draw', async ({ browser, page }) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Observed meeting', ['Anna'], ['Olli']);
  const kaisa = page;
  const anna = people.Anna!;
  const olli = people.Olli!;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await expectStepEverywhere(meeting.everyone, 'Silent prep');
  await expect(cue(olli)).toHaveText('The others are writing silently');
  await expect(button(anna, 'I’m done')).toBeVisible();

  // No facilitator panel and none of a participant's controls.
  await expect(facilitatorPanel(olli)).toHaveCount(0);
  for (const name of ['Raise hand', 'I’m done', 'Thumbs up', 'Applause', 'Next step', 'Start the step timer']) {
    await expect(button(olli, name)).toHaveCount(0);
  }
  await expect(olli.getByRole('region', { name: 'Your controls' })).toHaveCount(0);
  await snapshot(olli, 'silent-observer');

  // The board updates live for the observer.
  await expect(frameLabel(olli, 'Check-in')).toBeVisible();
  const before = await shapes(kaisa).count();
  await drawRectangle(kaisa, 150, 500);
  await expect(shapes(kaisa)).toHaveCount(before + 1);
  await expect(shapes(olli)).toHaveCount(before + 1);

  // Drawing changes nothing, locally or for others.
  await drawRectangle(olli, 400, 500);
  await expect(shapes(olli)).toHaveCount(before + 1);
  await expect(shapes(kaisa)).toHaveCount(before + 1);

  // Steps advance on the observer's screen too.
  await moveStep(kaisa, 'Next step', meeting.everyone, 'Check-in round');
  await press(kaisa, 'Start the round');
  await expect(speakingInPeopleList(olli)).toContainText('Kaisa');
  await expect(cue(olli)).toHaveText('Listen — Kaisa is speaking');
  await expect(button(olli, 'Pass my turn')).toHaveCount(0);
  await expect(turnOrder(olli).getByRole('listitem')).toHaveCount(2);
  await snapshot(olli, 'round-robin-observer');

  await meeting.close();
});

test('the facilitator ends the meeting from the last step and every screen says so', async ({ browser, page }) => {
  const { meeting } = await meetingWith(browser, page, server.url, 'Ending group', ['Anna', 'Bob'], ['Olli']);
  const kaisa = page;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await gotoStep(kaisa, 'Check-in round', 'Themes for today');
  await expectStepEverywhere(meeting.everyone, 'Themes for today');
  await expect(kaisa.locator('.vb-step-card__method')).toContainText('Step 3 of 3');

  kaisa.once('dialog', (dialog) => void dialog.accept());
  await press(kaisa, 'End the meeting');
  await expectStepEverywhere(meeting.everyone, 'The meeting has ended');
  for (const p of meeting.everyone) {
    await expect(p.getByText('Thank you! The board stays open for reading.')).toBeVisible();
    await expect(button(p, 'Raise hand')).toHaveCount(0);
  }
  await expect(button(kaisa, 'Next step')).toHaveCount(0);
  await snapshot(kaisa, 'ended-facilitator');
  await snapshot(meeting.everyone[3]!, 'ended-observer');

  await meeting.close();
});

test('a step’s board layout is placed once, however often the step starts', async ({ browser, page }) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Layout group', ['Anna']);
  const kaisa = page;
  const anna = people.Anna!;

  await addMethod(kaisa, 'Check-in round');
  await expect(framesOnBoard(kaisa)).toHaveCount(0);
  await startAgenda(kaisa);
  await expectStepEverywhere(meeting.everyone, 'Silent prep');
  for (const p of meeting.everyone) {
    await expect(frameLabel(p, 'Check-in')).toBeVisible();
    await expect(framesOnBoard(p)).toHaveCount(1);
  }

  // The round works in the same frame: nothing new.
  await moveStep(kaisa, 'Next step', meeting.everyone, 'Check-in round');
  // Themes for today adds its own frame beside the check-in frame.
  await moveStep(kaisa, 'Next step', meeting.everyone, 'Themes for today');
  for (const p of meeting.everyone) {
    await expect(frameLabel(p, 'Themes for today')).toBeVisible();
    await expect(framesOnBoard(p)).toHaveCount(2);
  }

  // Back and forth (and back to the first step) does not duplicate anything.
  await moveStep(kaisa, 'Previous step', meeting.everyone, 'Check-in round');
  await moveStep(kaisa, 'Previous step', meeting.everyone, 'Silent prep');
  await moveStep(kaisa, 'Next step', meeting.everyone, 'Check-in round');
  await moveStep(kaisa, 'Next step', meeting.everyone, 'Themes for today');
  for (const p of [kaisa, anna]) {
    await expect(framesOnBoard(p)).toHaveCount(2);
    await expect(frameLabel(p, 'Check-in')).toHaveCount(1);
    await expect(frameLabel(p, 'Themes for today')).toHaveCount(1);
  }
  // Still two after a reload of the facilitator's browser (it places layouts).
  await kaisa.reload();
  await expect(stepName(kaisa)).toHaveText('Themes for today', { timeout: 30_000 });
  await expect(framesOnBoard(kaisa)).toHaveCount(2);
  await expect(framesOnBoard(anna)).toHaveCount(2);

  await meeting.close();
});
