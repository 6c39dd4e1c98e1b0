// The server places each step's layout: a member's board gets the step's frames, the group's own
// ground rules and its goal cards while the facilitator's browser is closed, and a member's browser
// cannot move what the layout placed.
import { expect, test } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';
import { addMethod, frameLabel, meetingWith, note, ownToken, startAgenda } from '../facilitation.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('a step’s layout appears for everyone while the facilitator’s browser is closed', async ({ browser, page }) => {
  const { meeting, people } = await meetingWith(browser, page, server.url, 'Layouts by the server', ['Anna']);
  const anna = people.Anna!;
  const { groupId, meetingId, token } = await ownToken(page);
  const api = (path: string, method: string, body: unknown) =>
    anna.evaluate(
      async ({ path, method, body, token }) => {
        const res = await fetch(path, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      { path, method, body, token },
    );
  // The group's own rules and a goal, set on the group home (here through its API).
  expect(
    await api(`/api/groups/${groupId}/ground-rules`, 'PUT', { rules: ['Cameras on when we can', 'Start on time'] }),
  ).toBe(200);
  expect(await api(`/api/groups/${groupId}/goals`, 'POST', { text: 'Learn to delegate' })).toBe(201);

  await addMethod(page, 'Welcome and ground rules');
  await addMethod(page, 'Goal recap');
  await startAgenda(page);
  await expect(frameLabel(anna, 'Ground rules')).toBeVisible();
  await expect(note(anna, 'Cameras on when we can')).toBeVisible();
  await expect(note(anna, 'Start on time')).toBeVisible();
  // The built-in rules stand in only for a group without its own.
  await expect(note(anna, 'What is said here stays here')).toHaveCount(0);

  // The facilitator's browser goes away; the next step starts from the API alone.
  await page.close();
  const command = (c: Record<string, unknown>) => api(`/api/meetings/${meetingId}/commands`, 'POST', { command: c });
  expect(await command({ type: 'nextStep' })).toBe(200);
  await expect(frameLabel(anna, 'Our goals')).toBeVisible();
  await expect(note(anna, 'Learn to delegate')).toBeVisible();

  // Anna's editor refuses to move the layout's frame, so the server never has to refuse her.
  // The shape's own transform is in page space, so a camera still gliding to the step does not
  // change it; only moving the frame would.
  const frame = anna.locator('.tl-shape[data-shape-type="frame"]').first();
  const pagePosition = () => frame.evaluate((el) => (el as HTMLElement).style.transform);
  const before = await pagePosition();
  expect(before).toMatch(/matrix|translate/);
  const label = frameLabel(anna, 'Our goals');
  const box = (await label.boundingBox())!;
  await anna.mouse.move(box.x + 10, box.y + box.height / 2);
  await anna.mouse.down();
  await anna.mouse.move(box.x + 210, box.y + 150, { steps: 8 });
  await anna.mouse.up();
  expect(await pagePosition()).toBe(before);
  await expect(anna.getByRole('status').filter({ hasText: 'loaded again from the server' })).toHaveCount(0);
  await meeting.close();
});
