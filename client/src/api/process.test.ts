// @vitest-environment node
import type { GoalId, GroupId, ParticipantId } from '@vermeboard/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError, NetworkError, ResponseShapeError } from './errors.js';
import { respond } from './fetchStub.testkit.js';
import { processApi } from './process.js';

const groupId = 'groupAAAAAAAAAAAAAAAAA' as GroupId;
const api = processApi(groupId, 'personal-token');
const areaId = 'areaAAAAAAAAAAAAAAAAAA';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('group process API client', () => {
  it('reads members with the bearer token', async () => {
    const member = {
      id: 'participantAAAAAAAAAAA',
      displayName: 'Aino',
      role: 'member',
      joinedAt: '2026-01-01T10:00:00.000Z',
      removed: false,
      removedAt: null,
      facilitatedMeetings: [],
    };
    const fetchMock = respond(200, { members: [member] });
    await expect(api.members()).resolves.toEqual([member]);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/groups/${groupId}/participants`);
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer personal-token');
  });

  it('sends writes with their method and JSON body', async () => {
    const settings = {
      locale: 'fi',
      groundRules: ['Jokainen tulee kuulluksi.'],
      nextMeeting: { date: '2026-03-14', time: '17:30', place: 'Kirjasto', theme: 'Rahoitus' },
      deleteBoardsAfterDays: null,
    };
    const fetchMock = respond(200, settings);
    await expect(
      api.setNextMeeting({ date: '2026-03-14', time: '17:30', place: 'Kirjasto', theme: 'Rahoitus' }),
    ).resolves.toEqual(settings);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/groups/${groupId}/next-meeting`);
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({
      date: '2026-03-14',
      time: '17:30',
      place: 'Kirjasto',
      theme: 'Rahoitus',
    });
  });

  it('reads the renewed invite links from a removal', async () => {
    const tokens = {
      facilitator: 'tokenFFFFFFFFFFFFFFFF',
      member: 'tokenMMMMMMMMMMMMMMMM',
      observer: 'tokenOOOOOOOOOOOOOOOO',
    };
    const links = { facilitator: '/join/f', member: '/join/m', observer: '/join/o' };
    const fetchMock = respond(200, { tokens, links });
    await expect(api.removeMember('participantAAAAAAAAAAA' as ParticipantId)).resolves.toEqual({ tokens, links });
    expect(fetchMock.mock.calls[0]![1]?.method).toBe('DELETE');
  });

  it('keeps the field the server named in a refusal', async () => {
    respond(400, { error: 'text: must not be empty', field: 'text' });
    const err = await api.editGoal('goalAAAAAAAAAAAAAAAAAA' as GoalId, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, field: 'text' });
  });

  it('parses the released and the open self-assessment summary', async () => {
    const summary = {
      minRespondents: 3,
      phases: [
        {
          phase: 'start',
          status: 'released',
          releasedAt: '2026-03-01T10:00:00.000Z',
          answered: 3,
          areas: [{ areaId, name: 'Leading', average: 3.33, count: 3 }],
        },
        { phase: 'mid', status: 'open', progress: { answered: 2, of: 5 } },
        { phase: 'end', status: 'open' },
      ],
    };
    respond(200, summary);
    await expect(api.assessmentSummary()).resolves.toEqual(summary);
  });

  it('closes a phase with a POST and reads the summary it answers with', async () => {
    const fetchMock = respond(200, { minRespondents: 3, phases: [] });
    await expect(api.releaseAssessment('mid')).resolves.toEqual({ minRespondents: 3, phases: [] });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/groups/${groupId}/assessments/mid/release`);
    expect(init?.method).toBe('POST');
  });

  it('refuses answers that break the contract', async () => {
    respond(200, { assessments: [{ phase: 'start', ratings: [{ areaId, rating: 7 }], updatedAt: 'x' }] });
    await expect(api.myAssessments()).rejects.toBeInstanceOf(ResponseShapeError);
    respond(200, { goals: [{ id: 'bad id', text: 'x', position: 0, createdAt: 'x', archivedAt: null }] });
    await expect(api.goals()).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api.settings()).rejects.toBeInstanceOf(NetworkError);
  });

  it('asks for open action items when told to', async () => {
    const fetchMock = respond(200, { actionItems: [] });
    await api.actionItems('open');
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/groups/${groupId}/action-items?status=open`);
  });
});
