// Every route's answer against the shared response schema the client parses it with: the server's
// side of the contract, checked on a real server with a group that has one of everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  actionItemSchema,
  actionItemsResponseSchema,
  assessmentSummaryResponseSchema,
  assetResponseSchema,
  clientConfigResponseSchema,
  coachesResponseSchema,
  coachingNoteSchema,
  coachSelfResponseSchema,
  debriefResponseSchema,
  inviteCoachResponseSchema,
  removeCoachResponseSchema,
  shadowingResponseSchema,
  commandResponseSchema,
  competenceAreasResponseSchema,
  createGroupResponseSchema,
  createMeetingResponseSchema,
  endMeetingResponseSchema,
  goalSchema,
  goalsResponseSchema,
  groupResponseSchema,
  groupSettingsResponseSchema,
  meetingSummaryResponseSchema,
  meetingsResponseSchema,
  membersResponseSchema,
  myBallotsResponseSchema,
  ownAssessmentSchema,
  ownAssessmentsResponseSchema,
  progressNoteSchema,
  progressNotesResponseSchema,
  rotateLinksResponseSchema,
  timeResponseSchema,
  type CompetenceAreasResponse,
  type Goal,
} from '@vermeboard/shared';
import { sendCommand } from '../facilitation/sessionClients.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture, type GroupFixture } from './groupFixture.testkit.js';

let server: TestServer;
let g: GroupFixture;
beforeAll(async () => {
  server = await startTestServer();
  g = await createGroupFixture(server);
});
afterAll(() => server.close());

/** The answer must have `status` and a body the schema accepts exactly (no unknown keys dropped silently). */
async function answer<T>(
  schema: z.ZodType<T>,
  res: Promise<{ status: number; body: unknown }>,
  status = 200,
): Promise<T> {
  const { status: got, body } = await res;
  expect(got, JSON.stringify(body)).toBe(status);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? [], JSON.stringify(body)).toEqual([]);
  expect(parsed.data).toEqual(body);
  return parsed.data!;
}

describe('response bodies follow the shared schemas', () => {
  it('for the group, its meetings and its settings', async () => {
    const token = g.facilitator;
    await answer(clientConfigResponseSchema, server.api('/api/config'));
    await answer(groupResponseSchema, server.api(g.path(''), { token }));
    await answer(groupResponseSchema, server.api(g.path(''), { token: g.group.tokens.observer }));
    // A group with no meeting yet (the fixture's meeting is still running, and a group runs one at a time).
    const fresh = await answer(
      createGroupResponseSchema,
      server.api('/api/groups', { body: { name: 'Another group', facilitatorName: 'Kaisa' } }),
      201,
    );
    await answer(
      createMeetingResponseSchema,
      server.api(`/api/groups/${fresh.groupId}/meetings`, { method: 'POST', token: fresh.participantToken }),
      201,
    );
    await answer(meetingsResponseSchema, server.api(g.path('/meetings'), { token }));
    await answer(membersResponseSchema, server.api(g.path('/participants'), { token }));
    await answer(groupSettingsResponseSchema, server.api(g.path('/settings'), { token }));
    const rules = { method: 'PUT', token, body: { rules: ['Listen'] } };
    await answer(groupSettingsResponseSchema, server.api(g.path('/ground-rules'), rules));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const upload = { token, body: png, headers: { 'content-type': 'image/png' } };
    await answer(assetResponseSchema, server.api(`/api/meetings/${g.meetingId}/assets`, upload), 201);
  });

  it('for goals, action items and self-assessment', async () => {
    const token = g.facilitator;
    const goal: Goal = await answer(goalSchema, server.api(g.path('/goals'), { token, body: { text: 'Grow' } }), 201);
    await answer(goalsResponseSchema, server.api(g.path('/goals'), { token }));
    const note = { token, body: { meetingId: g.meetingId, text: 'Started' } };
    await answer(progressNoteSchema, server.api(g.path(`/goals/${goal.id}/progress`), note), 201);
    await answer(progressNotesResponseSchema, server.api(g.path(`/goals/${goal.id}/progress`), { token }));
    const item = { token, body: { meetingId: g.meetingId, text: 'Call', ownerParticipantId: g.group.participantId } };
    await answer(actionItemSchema, server.api(g.path('/action-items'), item), 201);
    await answer(actionItemsResponseSchema, server.api(g.path('/action-items'), { token }));
    const { areas }: CompetenceAreasResponse = await answer(
      competenceAreasResponseSchema,
      server.api(g.path('/competence-areas'), { token }),
    );
    const ratings = { method: 'PUT', token, body: { ratings: [{ areaId: areas[0]!.id, rating: 4 }] } };
    await answer(ownAssessmentSchema, server.api(g.path('/assessments/mine/start'), ratings));
    await answer(ownAssessmentsResponseSchema, server.api(g.path('/assessments/mine'), { token }));
    await answer(assessmentSummaryResponseSchema, server.api(g.path('/assessments/summary'), { token }));
  });

  it('for the facilitation API, ending and the summary', async () => {
    const token = g.facilitator;
    await answer(timeResponseSchema, server.api('/api/time'));
    await answer(commandResponseSchema, sendCommand(server, g.meetingId, token, { type: 'raiseHand' }));
    await answer(myBallotsResponseSchema, server.api(`/api/meetings/${g.meetingId}/ballots/mine`, { token }));
    const end = server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token });
    await answer(endMeetingResponseSchema, end);
    await answer(meetingSummaryResponseSchema, server.api(g.path(`/meetings/${g.meetingId}/summary`), { token }));
    await answer(rotateLinksResponseSchema, server.api(g.path('/links/rotate'), { method: 'POST', token }));
  });

  it('for the debrief, coaches and coaching notes (after the meeting ended above)', async () => {
    const token = g.facilitator;
    const invited = await answer(
      inviteCoachResponseSchema,
      server.api(g.path('/coaches'), { token, body: { name: 'Tuula' } }),
      201,
    );
    const coach = invited.token;
    await answer(coachesResponseSchema, server.api(g.path('/coaches'), { token }));
    const shadow = { method: 'PUT', token, body: { coachMayShadow: true } };
    await answer(shadowingResponseSchema, server.api(g.path('/coaches/shadowing'), shadow));
    await answer(coachSelfResponseSchema, server.api('/api/coach', { token: coach }));
    const note = { token: coach, body: { at: Date.now(), text: 'Well held.' } };
    await answer(coachingNoteSchema, server.api(`/api/meetings/${g.meetingId}/coaching-notes`, note), 201);
    await answer(debriefResponseSchema, server.api(`/api/meetings/${g.meetingId}/debrief`, { token: coach }));
    await answer(debriefResponseSchema, server.api(`/api/meetings/${g.meetingId}/debrief`, { token }));
    const remove = { method: 'DELETE', token };
    await answer(removeCoachResponseSchema, server.api(g.path(`/coaches/${invited.coach.id}`), remove));
  });
});
