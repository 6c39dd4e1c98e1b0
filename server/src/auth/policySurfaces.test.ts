// One policy, every surface: for each kind of caller (after a hand-over, so the meeting's
// facilitator is not the group's) and each action, the HTTP route, the sync upgrade and the reducer
// give the answer the shared policy gives. Real server, real tokens, real sockets.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  can,
  formatDocName,
  reduce,
  SESSION_MAP,
  SESSION_STATE_KEY,
  type ClientCommand,
  type MeetingId,
  type RotateLinksResponse,
  type SessionState,
  type Subject,
} from '@vermeboard/shared';
import { sendCommand, SessionClients, until } from '../facilitation/sessionClients.testkit.js';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createSyncAuthorizer } from './authorizeSync.js';

const who = [
  'facilitatorLink',
  'currentFacilitator',
  'formerFacilitator',
  'member',
  'observer',
  'linkHolder',
  'removed',
] as const;
type Who = (typeof who)[number];
type Outcome = 'allowed' | 'forbidden' | 'unauthenticated';

/** Allowed for `allowed`, forbidden for the rest; a removed participant's token no longer authenticates. */
function only(...allowed: Who[]): Record<Who, Outcome> {
  return Object.fromEntries(
    who.map((w) => [w, w === 'removed' ? 'unauthenticated' : allowed.includes(w) ? 'allowed' : 'forbidden']),
  ) as Record<Who, Outcome>;
}
const everyone = only('facilitatorLink', 'currentFacilitator', 'formerFacilitator', 'member', 'observer', 'linkHolder');
const contributors = only('facilitatorLink', 'currentFacilitator', 'formerFacilitator', 'member', 'linkHolder');
const people = only('currentFacilitator', 'formerFacilitator', 'member', 'observer');
const contributingPeople = only('currentFacilitator', 'formerFacilitator', 'member');
/** Holders of the facilitator role's token, whatever the meeting says. */
const facilitatorRole = only('facilitatorLink', 'formerFacilitator');
/** The meeting's facilitator: the one the hand-over made. */
const meetingFacilitator = only('currentFacilitator');

let server: TestServer;
let g: GroupFixture;
let meetingId: MeetingId;
let tokens: Record<Who, string>;
const clients = new SessionClients(() => server);

function statusOutcome(status: number): Outcome {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  expect(status, 'a success').toBeLessThan(300);
  return 'allowed';
}

function sessionState(): Promise<SessionState> {
  return server.sync.withDoc(formatDocName({ kind: 'session', meetingId }), (doc) =>
    structuredClone(doc.getMap(SESSION_MAP).get(SESSION_STATE_KEY) as SessionState),
  );
}

/** The real upgrade's HTTP status as an outcome (101 when a socket opened). */
function upgrade(docName: string, token: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${docName}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    ws.on('error', () => {});
    ws.once('open', () => {
      ws.terminate();
      resolve('allowed');
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve(statusOutcome(res.statusCode ?? 0));
    });
  });
}

beforeAll(async () => {
  server = await startTestServer();
  g = await createGroupFixture(server, { members: ['Anna', 'Ben', 'Rami'] });
  meetingId = g.meetingId;
  const [anna, ben, rami] = g.members;
  tokens = {
    facilitatorLink: g.group.tokens.facilitator,
    currentFacilitator: anna!.participantToken,
    formerFacilitator: g.facilitator,
    member: ben!.participantToken,
    observer: g.observer.participantToken,
    linkHolder: g.group.tokens.member,
    removed: rami!.participantToken,
  };
  // Kaisa (the group's facilitator) joins, so she facilitates this meeting, and hands over to Anna.
  clients.connect(meetingId, 'session', g.facilitator);
  clients.connect(meetingId, 'session', anna!.participantToken);
  await until(async () => (await sessionState()).participants.filter((p) => p.present).length === 2, 'presence');
  expect((await sessionState()).facilitatorId).toBe(g.group.participantId);
  const handOver = await sendCommand(server, meetingId, g.facilitator, {
    type: 'handOverFacilitation',
    participantId: anna!.participantId,
  });
  expect(handOver.status).toBe(200);
  expect((await sessionState()).facilitatorId).toBe(anna!.participantId);
  const removed = await server.api(g.path(`/participants/${rami!.participantId}`), {
    method: 'DELETE',
    token: g.facilitator,
  });
  expect(removed.status).toBe(200);
  // Removing someone renews the invite links; the link holders hold the new ones.
  const renewed = removed.body as RotateLinksResponse;
  tokens.facilitatorLink = renewed.tokens.facilitator;
  tokens.linkHolder = renewed.tokens.member;
});

afterAll(async () => {
  clients.closeAll();
  await server.close();
});

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** HTTP routes: each request is harmless to repeat, so every caller can try it in turn. */
const httpRows: [string, Record<Who, Outcome>, (token: string) => Promise<{ status: number }>][] = [
  ['group.read: GET the group', everyone, (token) => server.api(g.path(''), { token })],
  [
    'retention.set: PUT retention',
    facilitatorRole,
    (token) => server.api(g.path('/retention'), { method: 'PUT', token, body: { deleteBoardsAfterDays: null } }),
  ],
  [
    'groupProcess.edit: PUT next meeting',
    contributors,
    (token) => server.api(g.path('/next-meeting'), { method: 'PUT', token, body: { date: null, theme: null } }),
  ],
  [
    'assessment.answer: GET own answers',
    contributingPeople,
    (token) => server.api(g.path('/assessments/mine'), { token }),
  ],
  [
    'board.write: POST an image',
    contributors,
    (token) =>
      server.api(`/api/meetings/${meetingId}/assets`, { token, body: png, headers: { 'content-type': 'image/png' } }),
  ],
  [
    'ballots.readOwn: GET own ballots',
    people,
    (token) => server.api(`/api/meetings/${meetingId}/ballots/mine`, { token }),
  ],
  [
    'session.command lowerHand',
    contributingPeople,
    (token) => sendCommand(server, meetingId, token, { type: 'lowerHand' }),
  ],
  [
    'session.command clearFocus',
    meetingFacilitator,
    (token) => sendCommand(server, meetingId, token, { type: 'clearFocus' }),
  ],
];

describe('HTTP routes', () => {
  it.each(httpRows)('%s', async (_name, expected, call) => {
    const got: Partial<Record<Who, Outcome>> = {};
    for (const w of who) got[w] = statusOutcome((await call(tokens[w])).status);
    expect(got).toEqual(expected);
  });
});

describe('the sync upgrade', () => {
  const docs: [string, Record<Who, Outcome>, () => string][] = [
    ['open the board', everyone, () => `meeting/${meetingId}/board`],
    ['open the session', everyone, () => `meeting/${meetingId}/session`],
    ["open Ben's private notes", only('member'), () => `meeting/${meetingId}/private/${g.members[1]!.participantId}`],
  ];
  it.each(docs)('%s', async (_name, expected, name) => {
    const got: Partial<Record<Who, Outcome>> = {};
    for (const w of who) got[w] = await upgrade(name(), tokens[w]);
    expect(got).toEqual(expected);
  });

  it.each([
    ['write the board', contributors, 'board'],
    ['write the session', only(), 'session'],
  ] as const)('%s', async (_name, expected, kind) => {
    const authorize = createSyncAuthorizer(server.auth, server.storage);
    const got: Partial<Record<Who, Outcome>> = {};
    for (const w of who) {
      const result = await authorize(`meeting/${meetingId}/${kind}`, { kind: 'bearer', token: tokens[w] });
      got[w] = !result.ok ? statusOutcome(result.status) : result.access === 'write' ? 'allowed' : 'forbidden';
    }
    expect(got).toEqual({ ...expected, removed: 'unauthenticated' });
  });
});

describe('the reducer and the board rules, on the meeting as it stands', () => {
  /** The subject the server builds from the token; a removed participant's token builds none. */
  async function subjectOf(w: Who): Promise<Subject | null> {
    return server.auth.authenticate(tokens[w]);
  }
  const commands: [string, Record<Who, Outcome>, ClientCommand][] = [
    ['raiseHand', contributingPeople, { type: 'raiseHand' }],
    ['nextStep', meetingFacilitator, { type: 'nextStep' }],
    ['endMeeting', meetingFacilitator, { type: 'endMeeting' }],
    // Anna facilitates and is present, so nobody may take over.
    ['claimFacilitation', only(), { type: 'claimFacilitation' }],
  ];
  it.each(commands)('session.command %s', async (_name, expected, command) => {
    const state = await sessionState();
    const got: Partial<Record<Who, Outcome>> = {};
    for (const w of who) {
      const subject = await subjectOf(w);
      if (subject === null) {
        got[w] = 'unauthenticated';
        continue;
      }
      const result = reduce(state, command, { actor: subject, now: Date.now() });
      got[w] = result.ok || result.code === 'invalid' ? 'allowed' : 'forbidden';
    }
    expect(got).toEqual(expected);
  });

  const boardRules = [
    ['board.write', contributors],
    ['board.editProtected', meetingFacilitator],
    // Not in a case step: whoever writes on the board, as themselves.
    ['note.star', contributingPeople],
    ['note.markAction', contributingPeople],
  ] as const;
  it.each(boardRules)('%s', async (action, expected) => {
    const session = await sessionState();
    const got: Partial<Record<Who, Outcome>> = {};
    for (const w of who) {
      const subject = await subjectOf(w);
      got[w] = subject === null ? 'unauthenticated' : can(subject, action, { session }) ? 'allowed' : 'forbidden';
    }
    expect(got).toEqual(expected);
  });
});

describe('ending a meeting through the REST route', () => {
  it('runs the endMeeting command as the caller: the new facilitator may, the former may not', async () => {
    const end = (token: string) => server.api(g.path(`/meetings/${meetingId}/end`), { method: 'POST', token });
    const got: Partial<Record<Who, Outcome>> = {};
    // Everyone refused first, the one allowed caller last: ending is for good.
    for (const w of who.filter((x) => x !== 'currentFacilitator'))
      got[w] = statusOutcome((await end(tokens[w])).status);
    expect((await server.storage.getMeeting(meetingId))?.endedAt).toBeNull();
    const ended = await end(tokens.currentFacilitator);
    got.currentFacilitator = statusOutcome(ended.status);
    expect(got).toEqual(meetingFacilitator);
    expect((await sessionState()).status).toBe('ended');
    // Ending again finishes again and answers the first end time.
    const again = await end(tokens.currentFacilitator);
    expect(again.body).toEqual(ended.body);
    expect((await end(tokens.formerFacilitator)).status).toBe(403);
  });
});
