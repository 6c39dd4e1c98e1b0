// The facilitator's live controls in several browsers: the facilitator Kaisa and the members Anna
// and Bob (and Cecilia, who comes late). Timer, raised hands, round-robin talk time and late
// joiners, "Bring everyone here", spotlight, locks and reactions. Each test has its own group.
import { expect, test, type Page } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';
import { drawRectangle, joinByLink, shapes } from '../flows.js';
import {
  addMethod,
  announced,
  button,
  clockSeconds,
  cue,
  expectStepEverywhere,
  facilitatorPanel,
  frameLabel,
  framesOnBoard,
  gotoStep,
  meetingWith,
  note,
  peopleList,
  press,
  startAgenda,
  stepName,
  writeNote,
} from '../facilitation.js';
import {
  backToFacilitator,
  dragBy,
  expectClocksAgree,
  expectInView,
  panBoard,
  raisedHands,
  readClocks,
  select,
  spotlight,
  stepCountdown,
  talkSeconds,
  talkTime,
  timeLeft,
  turnNames,
  turnOrder,
  writeNoteOnBoard,
} from '../controls.js';

// Four or five browsers each, on two shared cores: more time than a single-browser test needs.
test.describe.configure({ timeout: 180_000 });

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Someone's entry in a page's people list. */
function person(page: Page, name: string) {
  return peopleList(page).getByRole('listitem').filter({ hasText: name });
}

test('timer: starts with the step; pause, resume and minutes added or removed show the same time on every screen', async ({
  browser,
  page,
}) => {
  const { meeting } = await meetingWith(browser, page, server.url, 'Timer group', ['Anna', 'Bob']);
  const kaisa = page;
  const everyone = meeting.everyone;

  // Silent prep is a one-minute step.
  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await expectStepEverywhere(everyone, 'Silent prep');
  // Nobody pressed start: the step's timer runs from the moment the step began.
  for (const p of everyone) await expect(stepCountdown(p)).not.toContainText('not started');
  await expectClocksAgree(everyone, (s) => s <= 60);

  // Paused, the countdown stops: the same time on every screen, and the same again a while later.
  await press(kaisa, 'Pause the step timer');
  for (const p of everyone) await expect(stepCountdown(p)).toContainText('paused');
  const paused = await expectClocksAgree(everyone, (s) => s <= 60, 0);
  // Waiting is the point here: time passes and the paused clock must not move.
  await kaisa.waitForTimeout(2500);
  expect(await readClocks(everyone)).toEqual(paused);
  const stopped = paused[0]!;

  // Minutes while paused: exact, since nothing runs.
  await press(kaisa, 'Add one minute');
  await expectClocksAgree(everyone, (s) => s === stopped + 60, 0);
  await press(kaisa, 'Remove one minute');
  await expectClocksAgree(everyone, (s) => s === stopped, 0);

  // Resumed, it counts down again from where it stopped, on every screen alike.
  await press(kaisa, 'Resume the step timer');
  for (const p of everyone) await expect(stepCountdown(p)).not.toContainText('paused');
  await expectClocksAgree(everyone, (s) => s < stopped);

  // Minutes while running.
  await press(kaisa, 'Add one minute');
  await expectClocksAgree(everyone, (s) => s > 60);
  await press(kaisa, 'Remove one minute');
  await expectClocksAgree(everyone, (s) => s < 60);
  for (const p of everyone) await expect(stepCountdown(p).locator('.vb-countdown__up')).toHaveCount(0);
  // Screen readers hear the warning once, through the page's polite live region.
  for (const p of everyone) {
    await expect(announced(p, 'polite').getByText('One minute left in this step.')).toHaveCount(1);
  }

  // Less than a minute is left: removing one reaches zero, and every screen says so.
  await press(kaisa, 'Remove one minute');
  for (const p of everyone) {
    await expect(stepCountdown(p).locator('.vb-countdown__up')).toHaveText('Time is up');
    await expect(timeLeft(p)).toHaveText('00:00');
    await expect(announced(p, 'assertive').getByText('Time is up for this step.')).toHaveCount(1);
  }
  // The timer never moves the meeting on: a while later the step is still the same everywhere.
  // (Nothing to wait for — the point is that nothing happens.)
  await kaisa.waitForTimeout(3000);
  for (const p of everyone) {
    await expect(stepName(p)).toHaveText('Silent prep');
    await expect(p.locator('.vb-step-card__method')).toContainText('Step 1 of 3');
    await expect(stepCountdown(p)).toContainText('Time is up');
    // Said once, however long the clock stays at zero and however often the page re-renders.
    await expect(announced(p, 'assertive').getByText('Time is up for this step.')).toHaveCount(1);
  }

  // A minute more runs it again for that minute.
  await press(kaisa, 'Add one minute');
  for (const p of everyone) await expect(stepCountdown(p).locator('.vb-countdown__up')).toHaveCount(0);
  await expectClocksAgree(everyone, (s) => s > 0 && s <= 60);

  await meeting.close();
});

test('raised hands are listed for the facilitator in the order raised, and lowering removes them', async ({
  browser,
  page,
}) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Hands group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await expectStepEverywhere(meeting.everyone, 'Silent prep');
  await expect(facilitatorPanel(kaisa).getByText('No hands raised')).toBeVisible();

  await press(anna, 'Raise hand');
  await expect(raisedHands(kaisa)).toHaveText([/Anna/]);
  await press(bob, 'Raise hand');
  await expect(raisedHands(kaisa)).toHaveText([/Anna/, /Bob/]);
  await expect(person(bob, 'Anna')).toContainText('hand raised');
  await expect(button(anna, 'Lower hand')).toBeVisible();

  // Anna lowers her own hand; Bob is first now.
  await press(anna, 'Lower hand');
  await expect(raisedHands(kaisa)).toHaveText([/Bob/]);
  await expect(person(kaisa, 'Anna')).not.toContainText('hand raised');

  // Anna raises again: she comes after Bob, not before.
  await press(anna, 'Raise hand');
  await expect(raisedHands(kaisa)).toHaveText([/Bob/, /Anna/]);

  // The facilitator lowers hands from her panel.
  await press(kaisa, 'Lower Bob’s hand');
  await expect(raisedHands(kaisa)).toHaveText([/Anna/]);
  await expect(button(bob, 'Raise hand')).toBeVisible();
  await press(kaisa, 'Lower Anna’s hand');
  await expect(facilitatorPanel(kaisa).getByText('No hands raised')).toBeVisible();
  await expect(raisedHands(kaisa)).toHaveCount(0);
  await expect(button(anna, 'Raise hand')).toBeVisible();

  await meeting.close();
});

test('a reaction shows with the sender’s name on the other screens', async ({ browser, page }) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Reaction group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await expectStepEverywhere(meeting.everyone, 'Silent prep');

  await press(anna, 'Thumbs up');
  for (const p of [kaisa, bob]) {
    const shown = p.locator('.vb-reactions__item').filter({ hasText: 'Anna: Thumbs up' });
    await expect(shown).toBeVisible();
    // Drawn, not an emoji (a machine without an emoji font would show an empty box).
    await expect(shown.locator('svg.vb-reaction-icon')).toHaveCount(1);
    // Screen readers hear it once, through the page's announcer (the floating list is for the eyes).
    await expect(announced(p, 'polite').getByText('Anna: Thumbs up', { exact: true })).toHaveCount(1);
  }

  await press(bob, 'Applause');
  for (const p of [kaisa, anna])
    await expect(p.locator('.vb-reactions__item').filter({ hasText: 'Bob: Applause' })).toBeVisible();

  await meeting.close();
});

test('round robin: talk time per member, a late joiner goes last, shuffling keeps everyone', async ({
  browser,
  page,
}) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Round group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;
  const thisTurn = (p: Page) => p.getByRole('timer', { name: /^This turn:/ });

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await gotoStep(kaisa, 'Check-in round', 'Check-in round');
  await expectStepEverywhere(meeting.everyone, 'Check-in round');
  await expect(talkTime(kaisa)).toHaveText([/Kaisa\s*00:00/, /Anna\s*00:00/, /Bob\s*00:00/]);

  // Kaisa speaks a couple of seconds, then gives the turn on.
  await press(kaisa, 'Start the round');
  await expect(cue(kaisa)).toHaveText('Your turn');
  await expect.poll(() => clockSeconds(thisTurn(kaisa)), { timeout: 20_000 }).toBeLessThanOrEqual(118);
  await press(kaisa, 'Next speaker');
  await expect(cue(anna)).toHaveText('Your turn');
  await expect.poll(() => talkSeconds(kaisa, 'Kaisa')).toBeGreaterThanOrEqual(2);

  // Anna speaks and ends her own turn.
  await expect.poll(() => clockSeconds(thisTurn(anna)), { timeout: 20_000 }).toBeLessThanOrEqual(118);
  await press(anna, 'I’m finished');
  await expect(cue(bob)).toHaveText('Your turn');
  await expect.poll(() => talkSeconds(kaisa, 'Anna')).toBeGreaterThanOrEqual(2);
  expect(await talkSeconds(kaisa, 'Bob')).toBe(0);
  // The whole meeting's talk time sits beside this round's (one round so far: the same).
  expect(await talkSeconds(kaisa, 'Anna', 'meeting')).toBe(await talkSeconds(kaisa, 'Anna'));
  await expect(facilitatorPanel(kaisa).getByRole('columnheader', { name: 'Whole meeting' })).toBeVisible();

  // Cecilia comes in during Bob's turn: she is added at the end of the order on every screen.
  const late = await joinByLink(browser, meeting.links.member, 'Cecilia');
  const cecilia = late.page;
  const everyone = [...meeting.everyone, cecilia];
  await expectStepEverywhere([cecilia], 'Check-in round');
  for (const p of everyone) {
    await expect.poll(() => turnNames(p), { timeout: 20_000 }).toEqual(['Kaisa', 'Anna', 'Bob', 'Cecilia']);
    await expect(turnOrder(p).locator('li[aria-current="true"]')).toContainText('Bob');
  }
  await expect(cue(cecilia)).toHaveText('Listen — Bob is speaking. You are next.');
  await expect(talkTime(kaisa)).toHaveCount(4);
  await expect(talkTime(kaisa).nth(3)).toHaveText(/Cecilia\s*00:00/);

  // Shuffling changes at most the order: the same four people, the same on every screen, and Bob
  // keeps the turn.
  for (let i = 0; i < 2; i++) {
    await press(kaisa, 'Shuffle order');
    const order = await turnNames(kaisa);
    expect([...order].sort()).toEqual(['Anna', 'Bob', 'Cecilia', 'Kaisa']);
    for (const p of everyone.slice(1)) await expect.poll(() => turnNames(p), { timeout: 20_000 }).toEqual(order);
    for (const p of everyone) await expect(turnOrder(p).locator('li[aria-current="true"]')).toContainText('Bob');
    await expect(talkTime(kaisa)).toHaveCount(4);
  }

  await late.context.close();
  await meeting.close();
});

test('follow: "Bring everyone here" moves the members’ view, and a member who wanders off gets back in one click', async ({
  browser,
  page,
}) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Follow group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await gotoStep(kaisa, 'Check-in round', 'Themes for today');
  await expectStepEverywhere(meeting.everyone, 'Themes for today');
  for (const p of meeting.everyone) await expect(frameLabel(p, 'Themes for today')).toBeVisible();

  // Kaisa goes to an empty part of the board and leaves a note there; the members don't see it.
  await panBoard(kaisa, 4000, 1500);
  await expectInView(kaisa, frameLabel(kaisa, 'Themes for today'), false);
  await writeNoteOnBoard(kaisa, 400, 300, 'Look over here');
  // Found by its id: a note far out of view has its shape on the page but not its text (the board
  // mounts a shape's content only near the view), which is where it is for the members.
  const shapeId = await note(kaisa, 'Look over here').getAttribute('data-shape-id');
  expect(shapeId).toMatch(/^shape:/);
  const marker = (p: Page) => p.locator(`.tl-shape[data-shape-id="${shapeId}"]`);
  for (const p of [anna, bob]) {
    await expect(marker(p)).toHaveCount(1);
    await expectInView(p, marker(p), false);
  }

  await press(kaisa, 'Bring everyone here');
  for (const p of [anna, bob]) await expectInView(p, marker(p), true);
  for (const p of meeting.everyone) await expect(backToFacilitator(p)).toHaveCount(0);

  // Anna wanders off: the way back appears for her only, and one click brings her back.
  await panBoard(anna, -5000, 0);
  await expectInView(anna, marker(anna), false);
  await expect(backToFacilitator(anna)).toBeVisible();
  await expect(backToFacilitator(bob)).toHaveCount(0);
  await backToFacilitator(anna).click();
  await expectInView(anna, marker(anna), true);
  await expect(backToFacilitator(anna)).toHaveCount(0);

  // The facilitator is never asked to follow herself.
  await panBoard(kaisa, -5000, 0);
  await expectInView(kaisa, marker(kaisa), false);
  await expect(backToFacilitator(kaisa)).toHaveCount(0);

  // Bob has wandered off when the role is handed to him: as facilitator, he is not asked to come back.
  await panBoard(bob, 0, 5000);
  await expect(backToFacilitator(bob)).toBeVisible();
  await kaisa.getByLabel('Hand facilitation to').selectOption({ label: 'Bob' });
  await press(kaisa, 'Hand over');
  await expect(facilitatorPanel(bob)).toBeVisible();
  await expect(backToFacilitator(bob)).toHaveCount(0);

  await meeting.close();
});

test('spotlight a frame for everyone; lock a shape so members cannot move or delete it, then unlock', async ({
  browser,
  page,
}) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Attention group', ['Anna', 'Bob']);
  const kaisa = page;
  const anna = people.Anna!;
  const bob = people.Bob!;

  await addMethod(kaisa, 'Check-in round');
  await startAgenda(kaisa);
  await gotoStep(kaisa, 'Check-in round', 'Themes for today');
  await expectStepEverywhere(meeting.everyone, 'Themes for today');
  for (const p of meeting.everyone) await expect(framesOnBoard(p)).toHaveCount(2);

  // Kaisa selects the "Themes for today" frame by its label and spotlights it.
  const themesFrame = (p: Page) => framesOnBoard(p).filter({ has: frameLabel(p, 'Themes for today') });
  await frameLabel(kaisa, 'Themes for today').click();
  await press(kaisa, 'Spotlight the frame');
  for (const p of [anna, bob]) {
    await expect(spotlight(p)).toHaveCount(1);
    // The highlight surrounds that frame on the member's screen (once the view has settled on it).
    await expect(async () => {
      const [light, frame] = await Promise.all([spotlight(p).boundingBox(), themesFrame(p).boundingBox()]);
      expect(light).not.toBeNull();
      expect(frame).not.toBeNull();
      expect(Math.abs(light!.x + light!.width / 2 - (frame!.x + frame!.width / 2))).toBeLessThan(12);
      expect(Math.abs(light!.y + light!.height / 2 - (frame!.y + frame!.height / 2))).toBeLessThan(12);
      expect(Math.abs(light!.width - frame!.width)).toBeLessThan(20);
    }).toPass({ timeout: 20_000 });
  }
  await press(kaisa, 'Clear spotlight');
  for (const p of meeting.everyone) await expect(spotlight(p)).toHaveCount(0);

  // Kaisa puts a note in the frame and locks it.
  await writeNote(kaisa, 'Themes for today', 80, 80, 'Ground rules');
  const fixed = (p: Page) => note(p, 'Ground rules');
  for (const p of meeting.everyone) await expect(fixed(p)).toBeVisible();
  await select(kaisa, fixed(kaisa));
  await press(kaisa, 'Lock selected shapes');
  // Session updates arrive in order: once Anna sees Kaisa's raised hand, she has the lock too.
  await press(kaisa, 'Raise hand');
  await expect(person(anna, 'Kaisa')).toContainText('hand raised');

  const annaBefore = (await fixed(anna).boundingBox())!;
  const kaisaBefore = (await fixed(kaisa).boundingBox())!;
  const shapeCount = await shapes(kaisa).count();
  await dragBy(anna, fixed(anna), 220, 160);
  await select(anna, fixed(anna));
  await anna.keyboard.press('Delete');
  await anna.keyboard.press('Backspace');
  await expect(fixed(anna)).toBeVisible();
  expect(await fixed(anna).boundingBox()).toEqual(annaBefore);
  // Board changes from one browser arrive in order too: once Kaisa sees Anna's next drawing, any
  // move or delete of the note would have arrived before it.
  await drawRectangle(anna, 100, 120, 60, 40);
  await expect(shapes(kaisa)).toHaveCount(shapeCount + 1);
  await expect(fixed(kaisa)).toBeVisible();
  expect(await fixed(kaisa).boundingBox()).toEqual(kaisaBefore);

  // Unlocked, Anna can move and then delete it.
  await select(kaisa, fixed(kaisa));
  await press(kaisa, 'Unlock selected shapes');
  await press(kaisa, 'Lower hand');
  await expect(person(anna, 'Kaisa')).not.toContainText('hand raised');
  await dragBy(anna, fixed(anna), 220, 160);
  await expect.poll(async () => (await fixed(anna).boundingBox())!.x - annaBefore.x).toBeGreaterThan(150);
  await expect.poll(async () => (await fixed(kaisa).boundingBox())!.x - kaisaBefore.x).toBeGreaterThan(50);
  await select(anna, fixed(anna));
  await anna.keyboard.press('Delete');
  for (const p of meeting.everyone) await expect(fixed(p)).toHaveCount(0);

  await meeting.close();
});
