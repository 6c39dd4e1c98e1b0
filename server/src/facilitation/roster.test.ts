// The meeting's list of participants on a real server: an observer link joined a hundred times and
// connected must not lock a member out (observers are counted apart, and people who left without
// taking part make room).
import { expect, it } from 'vitest';
import { facilitationLimits, type JoinResponse } from '@vermeboard/shared';
import { createGroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer } from '../testServer.testkit.js';
import { SessionClients, sessionOf, until } from './sessionClients.testkit.js';

it(
  'lets a member in after the observer link filled the list with people who came and went',
  { timeout: 60_000 },
  async () => {
    const server = await startTestServer({
      RATE_LIMIT_JOINS_PER_LINK_PER_HOUR: '1000',
      RATE_LIMIT_CONNECTIONS_PER_MINUTE: '1000',
      RATE_LIMIT_API_PER_MINUTE: '10000',
    });
    const clients = new SessionClients(() => server);
    try {
      const f = await createGroupFixture(server);
      const watcher = clients.connect(f.meetingId, 'session', f.observer.participantToken);
      const present = (id: string) => sessionOf(watcher)?.participants.some((p) => p.id === id && p.present) ?? false;
      // A script joins the observer link over and over, and each identity connects once.
      for (let i = 0; i < facilitationLimits.participants; i++) {
        const joined = (
          await server.api('/api/join', { body: { token: f.group.tokens.observer, displayName: `Bot ${i}` } })
        ).body as JoinResponse;
        const bot = clients.connect(f.meetingId, 'session', joined.participantToken);
        await until(() => present(joined.participantId), `bot ${i} to be present`);
        clients.disconnect(bot);
      }
      const anna = f.members[0]!;
      clients.connect(f.meetingId, 'session', anna.participantToken);
      await until(() => present(anna.participantId), 'Anna to be let in');
      const observers = sessionOf(watcher)!.participants.filter((p) => p.role === 'observer');
      expect(observers.length).toBeLessThanOrEqual(facilitationLimits.observers);
    } finally {
      clients.closeAll();
      await server.close();
    }
  },
);
