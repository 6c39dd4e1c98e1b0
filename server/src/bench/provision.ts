// Creates what the load needs on a Vermeboard server through its public HTTP API: one group per
// room (a group runs one meeting at a time), each with its meeting, and in it the room's clients as
// members who joined by name with the group's member link, as people in a browser do. Each client
// then opens the board with its own participant token and publishes the identity the server gave
// it (a browser's presence carries it, and the server stamps it on every state it relays).
import { dig } from './stamp.js';

/** Who a client is in its presence state: as a Vermeboard browser publishes it. */
export interface BenchUser {
  id: string;
  name: string;
  role: string;
  color: string;
}

export interface BenchParticipant {
  token: string;
  user: BenchUser;
}

export interface ProvisionedRoom {
  meetingId: string;
  memberToken: string;
  participants: BenchParticipant[];
}

/** The colour every bench client publishes. */
export const BENCH_COLOR = '#7c3aed';

/** The presence identity of a client of a target that knows no participants (reference, relay, …). */
export function anonymousUser(room: number, index: number): BenchUser {
  return { id: `bench-${index}`, name: `Bench ${room}.${index}`, role: 'member', color: BENCH_COLOR };
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${url} → ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`server response lacks ${what}`);
  return value;
}

/** `participants` members per room join by name (see the top of the file). */
export async function provision(baseUrl: string, rooms: number, participants = 0): Promise<ProvisionedRoom[]> {
  const provisioned: ProvisionedRoom[] = [];
  for (let i = 0; i < rooms; i++) {
    const group = await postJson(`${baseUrl}/api/groups`, { name: `Benchmark ${i + 1}`, facilitatorName: 'Bench' });
    const groupId = requireString(dig(group, 'groupId'), 'groupId');
    const facilitator = requireString(dig(group, 'tokens', 'facilitator'), 'tokens.facilitator');
    const memberToken = requireString(dig(group, 'tokens', 'member'), 'tokens.member');
    const meeting = await postJson(
      `${baseUrl}/api/groups/${encodeURIComponent(groupId)}/meetings`,
      {},
      { authorization: `Bearer ${facilitator}` },
    );
    const joined: BenchParticipant[] = [];
    for (let p = 0; p < participants; p++) {
      const name = `Bench ${i}.${p}`;
      const member = await postJson(`${baseUrl}/api/join`, { token: memberToken, displayName: name });
      joined.push({
        token: requireString(dig(member, 'participantToken'), 'participantToken'),
        user: {
          id: requireString(dig(member, 'participantId'), 'participantId'),
          name,
          role: requireString(dig(member, 'role'), 'role'),
          color: BENCH_COLOR,
        },
      });
    }
    provisioned.push({
      meetingId: requireString(dig(meeting, 'meetingId'), 'meetingId'),
      memberToken,
      participants: joined,
    });
  }
  return provisioned;
}

/**
 * A room's address for a bench client. The server takes no token in the URL, so the token rides in
 * the fragment, which never goes on the wire: the client sends it as `Authorization: Bearer`.
 */
export function boardUrl(baseUrl: string, meetingId: string, token: string): string {
  const ws = baseUrl.replace(/^http/, 'ws');
  return `${ws}/sync/meeting/${encodeURIComponent(meetingId)}/board#bearer=${encodeURIComponent(token)}`;
}

/** The same room address with another token (a participant's instead of the link's). */
export function withToken(address: string, token: string): string {
  return `${address.replace(/#.*$/, '')}#bearer=${encodeURIComponent(token)}`;
}

/** The URL to open and the headers to send for a room address made by `boardUrl`. */
export function socketTarget(address: string): { url: string; headers: Record<string, string> } {
  const [url, fragment] = address.split('#', 2) as [string, string | undefined];
  const token = fragment?.startsWith('bearer=') ? decodeURIComponent(fragment.slice('bearer='.length)) : null;
  return { url, headers: token ? { authorization: `Bearer ${token}` } : {} };
}

/** Polls `GET /readyz` until it answers 200. */
export async function waitForReady(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${baseUrl}/readyz not ready within ${timeoutMs} ms (${last})`);
}
