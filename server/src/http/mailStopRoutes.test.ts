// One-click stop from a mail (mailStopRoutes.ts), end to end: a real server mails a real local SMTP
// server, and the stop address in the mail's List-Unsubscribe header is posted to as Gmail would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailStopResponseSchema } from '@vermeboard/shared';
import { startSmtpInbox, type SmtpInbox } from '../notifications/smtpInbox.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture, type GroupFixture } from './groupFixture.testkit.js';

let inbox: SmtpInbox;
let server: TestServer;
let f: GroupFixture;

beforeEach(async () => {
  inbox = await startSmtpInbox();
  server = await startTestServer({
    SMTP_URL: inbox.url,
    SMTP_FROM: 'vermeboard@example.org',
    PUBLIC_URL: 'https://vb.example.org',
  });
  f = await createGroupFixture(server, { members: ['Anna', 'Ben'], locale: 'en' });
});
afterEach(async () => {
  await server?.close();
  await inbox?.close();
});

const anna = () => f.members[0]!.participantToken;
const setAddress = (address: string) =>
  server.api(f.path('/mail'), { method: 'PUT', token: anna(), body: { address } });
const addressNow = async () =>
  ((await server.api(f.path('/mail'), { token: anna() })).body as { address: unknown }).address;

/** Books a meeting and returns the stop path of the mail that reached `address`. */
async function stopPathInMail(address: string, date: string): Promise<string> {
  const before = inbox.messages.length;
  await server.api(f.path('/plan'), { token: f.facilitator, body: { date, time: '18:00' } });
  const mails = (await inbox.waitFor(before + 1)).slice(before);
  const mail = mails.find((m) => (m.to as { text: string }).text === address)!;
  const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n\s+/g, ' ');
  return /<https:\/\/vb\.example\.org(\/api\/mail\/unsubscribe\?t=[\w.-]+)>/.exec(line)![1]!;
}

/** What a mail provider sends on "Unsubscribe" (RFC 8058): a form-encoded POST, no credentials. */
const oneClick = (path: string) =>
  server.api(path, {
    method: 'POST',
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

describe('the one-click stop address in a mail', () => {
  it('removes the address with a POST, so the next check mails nothing to it', async () => {
    await setAddress('anna@example.org');
    const path = await stopPathInMail('anna@example.org', '2031-06-10');
    const stopped = await oneClick(path);
    expect(stopped.status).toBe(200);
    expect(mailStopResponseSchema.parse(stopped.body)).toEqual({ result: 'stopped' });
    expect(await addressNow()).toBeNull();

    // Our own page posts with no body; pressing again says it is already done.
    const again = await server.api(path, { method: 'POST' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ result: 'alreadyStopped' });

    const sent = inbox.messages.length;
    await server.api(f.path('/stream'), { token: anna(), body: { text: 'Anyone read the article?' } });
    await server.api(f.path('/plan'), { token: f.facilitator, body: { date: '2031-07-01', time: '18:00' } });
    await server.notifications.sweep();
    await server.notifications.idle();
    expect(inbox.messages).toHaveLength(sent);
  });

  it('refuses a tampered or malformed token, and a body or token that is too large', async () => {
    await setAddress('anna@example.org');
    const path = await stopPathInMail('anna@example.org', '2031-06-10');
    const i = path.length - 5;
    expect((await oneClick(path.slice(0, i) + (path[i] === 'A' ? 'B' : 'A') + path.slice(i + 1))).status).toBe(403);
    // Someone else's ids with Anna's macs.
    const [g, , ids, addr] = path.split('t=')[1]!.split('.');
    expect((await oneClick(`/api/mail/unsubscribe?t=${g}.${f.members[1]!.participantId}.${ids}.${addr}`)).status).toBe(
      403,
    );
    expect((await oneClick('/api/mail/unsubscribe?t=nonsense')).status).toBe(400);
    expect((await oneClick('/api/mail/unsubscribe')).status).toBe(400);
    expect((await oneClick(`${path}&t=${path.split('t=')[1]}`)).status).toBe(400);
    expect((await oneClick(`/api/mail/unsubscribe?t=${'a'.repeat(300)}`)).status).toBe(400);
    const big = await server.api(path, {
      method: 'POST',
      body: `List-Unsubscribe=One-Click&x=${'y'.repeat(4000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(big.status).toBe(413);
    expect(await addressNow()).toBe('anna@example.org');
  });

  it('stops nothing once the address it was made for has changed', async () => {
    await setAddress('anna@example.org');
    const old = await stopPathInMail('anna@example.org', '2031-06-10');
    await setAddress('anna@work.example.org');
    expect((await oneClick(old)).status).toBe(403);
    expect(await addressNow()).toBe('anna@work.example.org');
    // The mail to the new address carries a link that does stop it.
    const current = await stopPathInMail('anna@work.example.org', '2031-07-01');
    expect(current).not.toBe(old);
    expect((await oneClick(current)).status).toBe(200);
    expect(await addressNow()).toBeNull();
  });

  it('never stops mail on a GET, which link scanners send: it leads to the page that asks', async () => {
    await setAddress('anna@example.org');
    const path = await stopPathInMail('anna@example.org', '2031-06-10');
    const res = await fetch(server.url + path, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/mail/stop#${path.split('t=')[1]}`);
    expect(await addressNow()).toBe('anna@example.org');
  });
});
