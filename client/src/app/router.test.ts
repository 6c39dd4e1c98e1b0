// @vitest-environment node
// These tests need no DOM; the node environment keeps them fast and independent of jsdom.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, type Route } from './router.js';

const groupId = 'Gr0up_id-123456789012';
const meetingId = 'Meet1ng_id-1234567890';
const token = 'Tok3n_abcdefghijklmno';

describe('router', () => {
  it('parses each address', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute(`/join/${token}`)).toEqual({ name: 'join', token });
    expect(parseRoute(`/g/${groupId}`)).toEqual({ name: 'group', groupId });
    expect(parseRoute(`/g/${groupId}/m/${meetingId}`)).toEqual({ name: 'meeting', groupId, meetingId });
    expect(parseRoute(`/g/${groupId}/m/${meetingId}/summary`)).toEqual({ name: 'summary', groupId, meetingId });
    expect(parseRoute(`/g/${groupId}/m/${meetingId}/debrief`)).toEqual({ name: 'debrief', groupId, meetingId });
    expect(parseRoute(`/coach/${token}`)).toEqual({ name: 'coach', token, meetingId: null });
    expect(parseRoute(`/coach/${token}/m/${meetingId}`)).toEqual({ name: 'coach', token, meetingId });
    expect(parseRoute(`/p/${groupId}`)).toEqual({ name: 'program', programId: groupId });
    expect(parseRoute('/coordinate')).toEqual({ name: 'coordinate' });
    expect(parseRoute('/p/../x')).toEqual({ name: 'notFound' });
  });

  it('tolerates a trailing slash', () => {
    expect(parseRoute(`/g/${groupId}/`)).toEqual({ name: 'group', groupId });
    expect(parseRoute(`/join/${token}/`)).toEqual({ name: 'join', token });
  });

  it('round-trips every route through its path', () => {
    const routes: Exclude<Route, { name: 'notFound' }>[] = [
      { name: 'home' },
      { name: 'join', token },
      { name: 'coordinate' },
      { name: 'mailStop' },
      parseRoute(`/p/${groupId}`) as Exclude<Route, { name: 'notFound' }>,
      parseRoute(`/g/${groupId}`) as Exclude<Route, { name: 'notFound' }>,
      parseRoute(`/g/${groupId}/m/${meetingId}`) as Exclude<Route, { name: 'notFound' }>,
      parseRoute(`/g/${groupId}/m/${meetingId}/summary`) as Exclude<Route, { name: 'notFound' }>,
      parseRoute(`/g/${groupId}/m/${meetingId}/debrief`) as Exclude<Route, { name: 'notFound' }>,
      parseRoute(`/coach/${token}`) as Exclude<Route, { name: 'notFound' }>,
      parseRoute(`/coach/${token}/m/${meetingId}`) as Exclude<Route, { name: 'notFound' }>,
    ];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('refuses malformed and unknown addresses', () => {
    for (const path of [
      '/join',
      '/join/',
      '/join/short',
      `/join/${token}/extra`,
      '/join/has%20space_aaaaaaaaaaaa',
      '/g',
      '/g/x',
      `/g/${groupId}/m`,
      `/g/${groupId}/m/x`,
      `/g/${groupId}/x/${meetingId}`,
      `/g/${groupId}/m/${meetingId}/extra`,
      `/g/${groupId}/m/${meetingId}/summary/extra`,
      '/g/../../etc/passwd',
      '/coach',
      '/coach/short',
      `/coach/${token}/m`,
      `/coach/${token}/x/${meetingId}`,
      `/g/${groupId}/m/${meetingId}/debrief/extra`,
      '/groups',
      '/index.html',
      '/mail',
      '/mail/stop/extra',
    ]) {
      expect(parseRoute(path), path).toEqual({ name: 'notFound' });
    }
  });
});
