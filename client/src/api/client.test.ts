// @vitest-environment node
// These tests need no DOM; the node environment keeps them fast and independent of jsdom.
import type { GroupId } from '@vermeboard/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGroup, createMeeting, getClientConfig, getGroup, join } from './client.js';
import { HttpError, NetworkError, ResponseShapeError } from './errors.js';
import { respond } from './fetchStub.testkit.js';

const groupId = 'groupAAAAAAAAAAAAAAAAA' as GroupId;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('API client', () => {
  it('posts JSON and parses the created group', async () => {
    const body = {
      groupId,
      tokens: { facilitator: 'f', member: 'm', observer: 'o' },
      links: { facilitator: '/join/f', member: '/join/m', observer: '/join/o' },
      participantId: 'participant1234567890a',
      participantToken: 'personal',
    };
    const fetchMock = respond(201, body);
    await expect(createGroup({ name: 'Spring group', facilitatorName: 'Aino' })).resolves.toEqual(body);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/groups');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'Spring group', facilitatorName: 'Aino' });
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('sends the token as a bearer header', async () => {
    const fetchMock = respond(201, { meetingId: 'meetingAAAAAAAAAAAAAAA' });
    await createMeeting(groupId, 'secret-token');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/groups/${groupId}/meetings`);
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer secret-token');
  });

  it('turns an error response into an HttpError with status and field', async () => {
    respond(400, { error: 'displayName: must not be empty', field: 'displayName' });
    const error = await join({ token: 't', displayName: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, field: 'displayName' });
  });

  it('keeps the status of an error response that is not JSON', async () => {
    respond(502, '<html>Bad gateway</html>');
    await expect(getGroup(groupId, 't')).rejects.toMatchObject({ name: 'HttpError', status: 502 });
  });

  it('reports an unreachable server as a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(getClientConfig()).rejects.toBeInstanceOf(NetworkError);
  });

  it('lets an abort through unchanged', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new DOMException('aborted', 'AbortError')));
    await expect(getClientConfig()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a success response that breaks the contract', async () => {
    respond(200, { groupId, name: 'x', role: 'owner', meetings: [] });
    await expect(getGroup(groupId, 't')).rejects.toBeInstanceOf(ResponseShapeError);
    respond(200, { tldrawLicenseKey: null, maxAssetBytes: '5MB' });
    await expect(getClientConfig()).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('parses the client configuration', async () => {
    respond(200, { tldrawLicenseKey: null, maxAssetBytes: 5242880 });
    await expect(getClientConfig()).resolves.toEqual({ tldrawLicenseKey: null, maxAssetBytes: 5242880 });
  });
});
