// Breakout rooms in real Chromium: two groups of three meet in a plaza (an encounter of their
// program) and the coordinator, who facilitates it, opens three mixed rooms. Each room's people
// draw in their own room; the countdown, its last-minute warning and a broadcast line reach every
// room; the facilitator visits a room; closing the rooms puts three result frames on the plenary
// board. The people are made through the HTTP API (joining six people through the UI is tested
// elsewhere) and their browsers are kept small: six people, plus the coordinator's window.
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { cue, note, settledBox, writeNoteAt } from '../facilitation.js';
import { drawRectangle, shapes, waitForBoard } from '../flows.js';
import { launchServer, type ServerProcess } from '../server.js';

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

interface Identity {
  groupId: string;
  participantId: string;
  participantToken: string;
  role: string;
  displayName: string;
}

async function api<T>(path: string, body?: unknown, token?: string, method = body === undefined ? 'GET' : 'POST') {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
  return (res.status === 204 ? null : await res.json()) as T;
}

/** A group with its facilitator (the first name) and members. */
async function groupOf(name: string, people: string[]) {
  const created = await api<{
    groupId: string;
    participantId: string;
    participantToken: string;
    tokens: { member: string };
  }>('/groups', { name, facilitatorName: people[0] });
  const identities: Identity[] = [
    {
      groupId: created.groupId,
      participantId: created.participantId,
      participantToken: created.participantToken,
      role: 'facilitator',
      displayName: people[0]!,
    },
  ];
  for (const displayName of people.slice(1)) {
    const joined = await api<{ participantId: string; participantToken: string }>('/join', {
      token: created.tokens.member,
      displayName,
    });
    identities.push({ groupId: created.groupId, ...joined, role: 'member', displayName });
  }
  return identities;
}

/** A group with its facilitator and two members, in the program. */
async function groupOfThree(programId: string, coordinator: string, name: string, people: [string, string, string]) {
  const identities = await groupOf(name, people);
  const { groupId, participantToken } = identities[0]!;
  await api(`/programs/${programId}/attach-requests`, { groupId }, coordinator);
  await api(`/groups/${groupId}/program-requests/${programId}`, { accept: true }, participantToken);
  return identities;
}

/** A browser for one person, already known to their group, on the encounter's board. */
async function open(browser: Browser, who: Identity, meetingId: string, opts: { phone?: boolean; fi?: boolean } = {}) {
  const context = await browser.newContext(
    opts.phone
      ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
      : { viewport: { width: 1000, height: 700 } },
  );
  const { groupId, ...identity } = who;
  await context.addInitScript(
    ([g, id, fi]) => {
      localStorage.setItem('vermeboard.identities', JSON.stringify({ [g as string]: id }));
      if (fi) localStorage.setItem('vermeboard.locale', 'fi');
    },
    [groupId, identity, opts.fi ?? false] as const,
  );
  const page = await context.newPage();
  await page.goto(`${server.url}/g/${groupId}/m/${meetingId}`);
  await waitForBoard(page);
  return page;
}

/**
 * Writes a note inside the room's result frame (which is copied onto the plenary board), `dx` in
 * from its left edge and `dy` down: clear of the room card on a desktop, of the outline button and
 * the room card on a phone.
 */
async function writeInResult(page: Page, text: string, dx = 120, dy = 60) {
  const box = await settledBox(page.locator('.tl-shape[data-shape-type="frame"]').first());
  await writeNoteAt(page, box.x + Math.min(dx, box.width / 2), box.y + Math.min(dy, box.height / 3), text);
  await expect(note(page, text)).toBeVisible();
  await note(page, text).click();
  await expect(page.getByRole('heading', { name: /Selected note|Valittu lappu/ })).toBeVisible();
}

const starBadge = (page: Page, text: string) => page.locator('.vb-mark-badge--star').filter({ hasText: text });

const card = (page: Page, fi = false) => page.getByRole('region', { name: fi ? 'Huoneesi' : 'Your room' });

test('two groups meet in a plaza and work in three mixed breakout rooms', async ({ browser }) => {
  // Seven browsers on a shared two-core machine: loading seven boards, twice, takes a while.
  test.setTimeout(480_000);
  const program = await api<{
    programId: string;
    coordinatorToken: string;
    plazaGroupId: string;
    coordinatorId: string;
  }>('/programs', { name: 'Leadership 2026', coordinatorName: 'Riikka' });
  const coordinator = program.coordinatorToken;
  const north = await groupOfThree(program.programId, coordinator, 'North', ['Kaisa', 'Anna', 'Aino']);
  const south = await groupOfThree(program.programId, coordinator, 'South', ['Sami', 'Ben', 'Bo']);
  const { meetingId } = await api<{ meetingId: string }>(
    `/programs/${program.programId}/encounters`,
    { groupIds: [north[0]!.groupId, south[0]!.groupId] },
    coordinator,
  );

  const riikka = await open(
    browser,
    {
      groupId: program.plazaGroupId,
      participantId: program.coordinatorId,
      participantToken: coordinator,
      role: 'facilitator',
      displayName: 'Riikka',
    },
    meetingId,
  );
  await riikka.setViewportSize({ width: 1280, height: 800 });
  // Aino follows in Finnish on her phone.
  const people = [...north, ...south];
  const pages = new Map<string, Page>();
  for (const who of people) {
    const fi = who.displayName === 'Aino';
    pages.set(who.displayName, await open(browser, who, meetingId, fi ? { phone: true, fi: true } : {}));
  }
  const aino = pages.get('Aino')!;
  const english = people.filter((p) => p.displayName !== 'Aino').map((p) => pages.get(p.displayName)!);
  const everyone = [...pages.values()];

  // The coordinator starts the meeting (the same command the agenda builder sends) and opens three mixed rooms.
  await api(
    `/meetings/${meetingId}/commands`,
    { command: { type: 'addAgendaItem', methodId: 'check-in-round' } },
    coordinator,
  );
  await api(`/meetings/${meetingId}/commands`, { command: { type: 'startMeeting' } }, coordinator);
  // Its open "Themes" step: what people draw goes on the board, not into private notes.
  await api(
    `/meetings/${meetingId}/commands`,
    { command: { type: 'gotoStep', agendaIndex: 0, stepIndex: 2 } },
    coordinator,
  );
  const frames = (page: Page) => page.locator('.tl-shape[data-shape-type="frame"]');
  await expect(frames(riikka).first()).toBeVisible();
  const plenaryFrames = await frames(riikka).count();
  const plenaryShapes = await shapes(riikka).count();
  const rooms = riikka.getByRole('region', { name: 'Breakout rooms' });
  await expect(rooms).toBeVisible();
  await rooms.getByLabel('How to split').selectOption({ label: 'Mixed: people of different groups' });
  await rooms.getByLabel('Rooms', { exact: true }).fill('3');
  await rooms.getByLabel('Minutes').fill('2');
  await rooms.getByRole('button', { name: 'Open the rooms' }).click();
  for (const n of [1, 2, 3]) await expect(rooms.getByRole('button', { name: `Visit room ${n}` })).toBeVisible();

  // Everyone lands in a room, with someone of the other group, and sees that the result is shared.
  for (const page of english) {
    await expect(card(page).getByRole('heading', { name: /^You are in room \d$/ })).toBeVisible();
    await expect(card(page)).toContainText('copied onto the plenary board for everyone');
  }
  await expect(card(aino, true).getByRole('heading', { name: /^Olet huoneessa \d$/ })).toBeVisible();
  for (const page of everyone) await waitForBoard(page);
  // The room board holds the room's result frame only.
  for (const page of everyone) await expect(shapes(page)).toHaveCount(1);

  // Each room's two people draw in their room's frame; each sees their room's two drawings only.
  for (const [i, page] of everyone.entries()) await drawRectangle(page, 100 + i * 70, 380, 50, 40);
  for (const page of everyone) await expect(shapes(page)).toHaveCount(3);

  // The facilitator visits room 1 and sees its two drawings, then comes back.
  await rooms.getByRole('button', { name: 'Visit room 1' }).click();
  await expect(card(riikka).getByRole('heading', { name: 'You are visiting room 1' })).toBeVisible();
  await waitForBoard(riikka);
  await expect(shapes(riikka)).toHaveCount(3);
  await card(riikka).getByRole('button', { name: 'Back to the plenary' }).click();
  await expect(card(riikka)).toHaveCount(0);

  // The countdown runs in every room; one minute less brings the last-minute warning at once.
  for (const page of english) await expect(card(page).getByRole('timer', { name: /Rooms’ time left/ })).toBeVisible();
  await rooms.getByRole('button', { name: 'One minute less for the rooms' }).click();
  for (const page of english) await expect(card(page).getByRole('alert')).toHaveText('One minute left in the rooms');
  await expect(card(aino, true).getByRole('alert')).toHaveText('Huoneissa minuutti aikaa jäljellä');

  // A broadcast line reaches every room.
  await rooms.getByLabel('Message to all rooms').fill('Put one sentence in your frame, please');
  await rooms.getByRole('button', { name: 'Send to all rooms' }).click();
  for (const page of english) {
    await expect(card(page).getByRole('status')).toHaveText(
      'From the facilitator: Put one sentence in your frame, please',
    );
  }
  await expect(card(aino, true).getByRole('status')).toHaveText(
    'Fasilitaattorilta: Put one sentence in your frame, please',
  );
  await english[1]!.screenshot({ path: `${shots}breakout-room.png` });
  await riikka.screenshot({ path: `${shots}breakout-rooms-facilitator.png` });
  await aino.screenshot({ path: `${shots}fi-phone-breakout-room.png` });

  // Closing the rooms brings everyone back and puts the three rooms' results on the plenary board.
  await rooms.getByRole('button', { name: 'Close the rooms and bring everyone back' }).click();
  for (const page of [riikka, ...everyone]) {
    await expect(card(page, page === aino)).toHaveCount(0);
    await waitForBoard(page);
    await expect(frames(page)).toHaveCount(plenaryFrames + 3);
    // Each room's frame with its two drawings.
    await expect(shapes(page)).toHaveCount(plenaryShapes + 9);
  }
  // Zoomed to fit, the three results sit side by side under their rooms' names.
  await riikka.locator('.tl-canvas').click({ position: { x: 600, y: 120 } });
  await riikka.keyboard.press('Shift+1');
  for (const n of [1, 2, 3]) await expect(riikka.locator('.tl-frame-heading', { hasText: `Room ${n}` })).toBeVisible();
  await riikka.screenshot({ path: `${shots}breakout-results.png` });

  // A Learning café: the method opens mixed tables, and each next round keeps the hosts and moves
  // everyone else one table on, as the server does when the step changes.
  await api(
    `/meetings/${meetingId}/commands`,
    { command: { type: 'addAgendaItem', methodId: 'learning-cafe' } },
    coordinator,
  );
  await api(
    `/meetings/${meetingId}/commands`,
    { command: { type: 'gotoStep', agendaIndex: 1, stepIndex: 0 } },
    coordinator,
  );
  const names = people.map((p) => p.displayName);
  const seat = (name: string) => rooms.getByRole('combobox', { name: `Room for ${name}` });
  const seating = async () => {
    const out = new Map<string, string>();
    for (const name of names) out.set(name, await seat(name).inputValue());
    return out;
  };
  await expect(seat('Anna')).not.toHaveValue('');
  let before = await seating();
  const tables = [...new Set(before.values())].sort();
  expect(tables).toHaveLength(2);
  for (const round of [2, 3]) {
    const hostNames: string[] = [];
    for (const name of names) if ((await rooms.getByText(`${name} (host)`).count()) > 0) hostNames.push(name);
    expect(hostNames).toHaveLength(2);
    await riikka.getByRole('button', { name: 'Next step', exact: true }).first().click();
    await expect(riikka.getByRole('heading', { name: `Round ${round}` }).first()).toBeVisible();
    for (const name of names) {
      const was = before.get(name)!;
      // Hosts stay; with two tables, everyone else moves to the other one.
      const expected = hostNames.includes(name) ? was : tables.find((t) => t !== was)!;
      await expect(seat(name)).toHaveValue(expected);
    }
    // And each browser followed its person to the new table's board.
    for (const who of people.filter((p) => p.displayName !== 'Aino')) {
      const page = pages.get(who.displayName)!;
      const room = await seat(who.displayName).locator('option:checked').innerText();
      await expect(card(page).getByRole('heading', { name: `You are in ${room.toLowerCase()}` })).toBeVisible();
    }
    before = await seating();
  }
  await Promise.all(everyone.concat(riikka).map((p) => p.context().close()));
});

test('each Troika room chooses its own client, and only that room hears their name', async ({ browser }) => {
  test.setTimeout(240_000);
  const [kaisa, ...members] = await groupOf('East', ['Kaisa', 'Anna', 'Ben', 'Cai']);
  const { meetingId } = await api<{ meetingId: string }>(
    `/groups/${kaisa!.groupId}/meetings`,
    {},
    kaisa!.participantToken,
  );
  const facilitator = await open(browser, kaisa!, meetingId);
  await facilitator.setViewportSize({ width: 1280, height: 800 });
  // Cai follows in Finnish on her phone.
  const [anna, ben, cai] = [
    await open(browser, members[0]!, meetingId),
    await open(browser, members[1]!, meetingId),
    await open(browser, members[2]!, meetingId, { phone: true, fi: true }),
  ];
  const command = (c: Record<string, unknown>) =>
    api(`/meetings/${meetingId}/commands`, { command: c }, kaisa!.participantToken);
  const people = facilitator.getByRole('list', { name: 'People here' });
  for (const name of ['Anna', 'Ben', 'Cai']) await expect(people.getByText(name, { exact: true })).toBeVisible();

  // Troika consulting's first step opens trios; the facilitator sets two rooms by hand instead:
  // Anna and Ben, and Cai.
  await command({ type: 'addAgendaItem', methodId: 'troika-consulting' });
  await command({ type: 'startMeeting' });
  await command({ type: 'closeRooms' });
  const ids = members.map((m) => m.participantId);
  await command({
    type: 'openRooms',
    split: { kind: 'manual', rooms: [{ memberIds: [ids[0], ids[1]] }, { memberIds: [ids[2]] }] },
    seconds: 600,
  });
  await expect(card(anna).getByRole('heading', { name: 'You are in room 1' })).toBeVisible();
  await expect(card(cai, true).getByRole('heading', { name: 'Olet huoneessa 2' })).toBeVisible();

  // Each room's card offers its own members as the client; Anna picks herself for room 1.
  const picker = card(anna).getByRole('combobox', { name: 'Case owner in room 1' });
  await expect(picker.getByRole('option')).toHaveText(['Not chosen', 'Anna', 'Ben']);
  await picker.selectOption({ label: 'Anna' });
  await expect(card(ben).getByRole('combobox', { name: 'Case owner in room 1' })).toHaveValue(ids[0]!);
  const caisPicker = card(cai, true).getByRole('combobox', { name: 'Tapauksen tuoja huoneessa 2' });
  await expect(caisPicker).toHaveValue('');
  await expect(caisPicker.getByRole('option')).toHaveText(['Ei valittu', 'Cai']);

  // The client presents: Ben hears Anna's name, Cai's room has no client yet.
  await command({ type: 'gotoStep', agendaIndex: 0, stepIndex: 1 });
  await expect(cue(anna)).toHaveText('Your turn');
  await expect(cue(ben)).toHaveText('Listen — Anna has the floor');
  await expect(cue(cai)).toHaveText('Tapauksen tuojaa ei ole vielä valittu');
  await expect(cue(cai)).not.toContainText('Anna');
  // The people list marks Anna as speaking in her room only.
  const annaListed = ben.getByRole('list', { name: 'People here' }).getByRole('listitem').filter({ hasText: 'Anna' });
  await expect(annaListed).toContainText('speaking');

  // Cai is her own room's client; room 1 still hears Anna.
  await caisPicker.selectOption({ label: 'Cai' });
  await expect(cue(cai)).toHaveText('Sinun vuorosi');
  await expect(cue(ben)).toHaveText('Listen — Anna has the floor');

  // The facilitator, visiting room 2, reads that room's cue and chooses for it in the panel.
  const rooms = facilitator.getByRole('region', { name: 'Breakout rooms' });
  await expect(cue(facilitator)).toHaveText('The case owner has not been chosen yet');
  await rooms.getByRole('button', { name: 'Visit room 2' }).click();
  await expect(cue(facilitator)).toHaveText('Listen — Cai has the floor');
  await expect(facilitator.getByRole('combobox', { name: 'Case owner in room 2' })).toHaveValue(ids[2]!);
  // The other rooms' clients are in the rooms panel, one picker a room, without visiting them.
  const roomOnePicker = rooms.getByRole('combobox', { name: 'Case owner in room 1' });
  await expect(roomOnePicker).toHaveValue(ids[0]!);
  await expect(rooms.getByRole('combobox', { name: 'Case owner in room 2' })).toHaveCount(0);
  await roomOnePicker.selectOption({ label: 'Ben' });
  await expect(cue(anna)).toHaveText('Listen — Ben has the floor');
  await roomOnePicker.selectOption({ label: 'Anna' });
  await expect(cue(anna)).toHaveText('Your turn');

  await cai.screenshot({ path: test.info().outputPath('troika-room-fi-phone.png') });
  await anna.screenshot({ path: test.info().outputPath('troika-room-en-desktop.png') });
  await facilitator.screenshot({ path: test.info().outputPath('troika-room-facilitator.png') });

  // The card floats over the board: folded, it keeps its title and the rooms' countdown only.
  await card(anna).getByRole('button', { name: 'Hide details' }).click();
  await expect(card(anna).getByRole('combobox', { name: 'Case owner in room 1' })).toBeHidden();
  await expect(card(anna).getByRole('heading', { name: 'You are in room 1' })).toBeVisible();
  await expect(card(anna).getByText('Rooms’ time left')).toBeVisible();
  await expect(card(anna).getByRole('button', { name: 'Show details' })).toHaveAttribute('aria-expanded', 'false');
  await card(cai, true).getByRole('button', { name: 'Piilota tiedot' }).click();
  await expect(caisPicker).toBeHidden();

  // Each room's client stars an idea on the room's board, and the room sees the star there.
  await writeInResult(anna, 'Ask the team first');
  await anna.getByRole('button', { name: 'Star this idea' }).click();
  await expect(anna.getByRole('button', { name: 'Remove the star' })).toHaveAttribute('aria-pressed', 'true');
  await expect(starBadge(anna, 'Starred')).toBeVisible();
  await expect(starBadge(ben, 'Starred')).toBeVisible();
  // Ben, a consultant, stars nothing but marks the idea as an action item, on the same board.
  await note(ben, 'Ask the team first').click();
  await expect(ben.getByRole('heading', { name: 'Selected note' })).toBeVisible();
  await expect(ben.getByRole('button', { name: /star/i })).toHaveCount(0);
  await ben.getByRole('button', { name: 'Mark as an action item' }).click();
  await expect(anna.locator('.vb-mark-badge').filter({ hasText: 'Action item' })).toBeVisible();
  await writeInResult(cai, 'Kysy tiimiltä', 280, 100);
  await cai.getByRole('button', { name: 'Merkitse idea tähdellä' }).click();
  await expect(cai.getByRole('button', { name: 'Poista tähti' })).toHaveAttribute('aria-pressed', 'true');
  await expect(starBadge(cai, 'Tähdellä merkitty')).toBeVisible();
  await starBadge(cai, 'Tähdellä merkitty').scrollIntoViewIfNeeded();
  await cai.screenshot({ path: test.info().outputPath('troika-star-fi-phone.png') });
  await anna.screenshot({ path: test.info().outputPath('troika-star-en-desktop.png') });
  // Unfolded again, the card shows the room's client as chosen.
  await card(anna).getByRole('button', { name: 'Show details' }).click();
  await expect(card(anna).getByRole('combobox', { name: 'Case owner in room 1' })).toHaveValue(ids[0]!);

  // The rooms close: both results come to the plenary board with their stars.
  await command({ type: 'closeRooms' });
  await expect(note(facilitator, 'Ask the team first')).toBeVisible();
  await expect(facilitator.locator('.vb-mark-badge--star')).toHaveCount(2);
  await facilitator.screenshot({ path: test.info().outputPath('troika-star-plenary.png') });
  await Promise.all([facilitator, anna, ben, cai].map((p) => p.context().close()));
});
