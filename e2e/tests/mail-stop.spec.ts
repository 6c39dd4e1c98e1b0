// The stop link in a mail, in a real browser: opening it changes nothing; pressing the one button
// deletes the address; a second press, or the link of an address since changed, says so. The page
// follows the browser's language: English on a desktop, Finnish on a phone. Photographs go to
// MAIL_STOP_SHOTS (a folder) when it is set; nothing is written into docs/.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { launchServer, type ServerProcess } from '../server.js';

let server: ServerProcess;
test.beforeAll(async () => {
  // Mail is on so that addresses can be given; nothing listens at that port, and nothing here is sent.
  server = await launchServer({ SMTP_URL: 'smtp://127.0.0.1:9', SMTP_FROM: 'vermeboard@example.org' });
});
test.afterAll(async () => {
  await server?.stop();
});

const shots = process.env.MAIL_STOP_SHOTS;
const tokensModule = fileURLToPath(new URL('../../server/dist/auth/tokens.js', import.meta.url));
const secretModule = fileURLToPath(new URL('../../server/dist/auth/secret.js', import.meta.url));

/** The token a mail to `address` carries, made with the server's own code and secret. */
function stopToken(groupId: string, participantId: string, address: string): string {
  const script = `
    const { deriveMailStopToken } = await import(${JSON.stringify(pathToFileURL(tokensModule).href)});
    const { loadOrCreateSecret } = await import(${JSON.stringify(pathToFileURL(secretModule).href)});
    const secret = loadOrCreateSecret(${JSON.stringify(server.dataDir)}, null);
    process.stdout.write(deriveMailStopToken(secret, ...${JSON.stringify([groupId, participantId, address])}));
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

async function api(path: string, method: string, body: unknown, token?: string) {
  const res = await fetch(server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  expect(res.ok, `${method} ${path}`).toBe(true);
  return (await res.json()) as Record<string, string>;
}

/** A group whose facilitator gave `address`; returns her stop link's path. */
async function personWithAddress(address: string, locale: 'en' | 'fi') {
  const group = await api('/api/groups', 'POST', { name: 'Project leads', facilitatorName: 'Kaisa', locale });
  const setAddress = (a: string) =>
    api(`/api/groups/${group.groupId}/mail`, 'PUT', { address: a }, group.participantToken);
  await setAddress(address);
  const pathFor = (a: string) => `/mail/stop#${stopToken(group.groupId!, group.participantId!, a)}`;
  return {
    path: pathFor(address),
    pathFor,
    setAddress,
    address: async () =>
      (
        await (
          await fetch(`${server.url}/api/groups/${group.groupId}/mail`, {
            headers: { authorization: `Bearer ${group.participantToken}` },
          })
        ).json()
      ).address as string | null,
  };
}

const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, name), fullPage: true });
};

test('a person stops the group’s mail from the link in a mail, in English on a desktop', async ({ page }) => {
  const anna = await personWithAddress('anna@example.org', 'en');
  await page.goto(server.url + anna.path);
  await expect(page.getByRole('heading', { level: 1, name: 'Stop mail from the group' })).toBeVisible();
  await expect(page.getByText('Your address is deleted.')).toBeVisible();
  // Opening the page stops nothing.
  expect(await anna.address()).toBe('anna@example.org');
  await shoot(page, 'en-desktop-mail-stop.png');
  await page.getByRole('button', { name: 'Stop these mails' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Done. Your address is deleted, and no more mail comes from the group.',
  );
  await expect(page.getByRole('button', { name: 'Stop these mails' })).toHaveCount(0);
  expect(await anna.address()).toBeNull();
  await shoot(page, 'en-desktop-mail-stopped.png');

  // The same link again: already done.
  await page.reload();
  await page.getByRole('button', { name: 'Stop these mails' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'These mails were already stopped: the group has no address of yours.',
  );
});

test('on a Finnish phone, the link of an address since changed says it no longer works', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'fi-FI',
  });
  const page = await context.newPage();
  const liisa = await personWithAddress('liisa@example.org', 'fi');
  await page.goto(server.url + liisa.path);
  await expect(page.getByRole('heading', { level: 1, name: 'Lopeta ryhmän sähköpostit' })).toBeVisible();
  await shoot(page, 'fi-phone-mail-stop.png');

  await liisa.setAddress('liisa@work.example.org');
  await page.getByRole('button', { name: 'Lopeta nämä viestit' }).click();
  await expect(page.getByRole('alert')).toContainText('Tämä linkki ei enää toimi');
  expect(await liisa.address()).toBe('liisa@work.example.org');
  await shoot(page, 'fi-phone-mail-stop-invalid.png');

  // The link in the next mail, to the new address, does stop it.
  await page.goto(server.url + liisa.pathFor('liisa@work.example.org'));
  await page.getByRole('button', { name: 'Lopeta nämä viestit' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Valmis. Osoitteesi on poistettu, eikä ryhmältä tule enää viestejä.',
  );
  expect(await liisa.address()).toBeNull();
  await shoot(page, 'fi-phone-mail-stopped.png');
  await context.close();
});
