// @vitest-environment node
// These tests need no DOM; the node environment keeps them fast and independent of jsdom.
import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError } from '../api/errors.js';
import { errorMessageKey } from './errorMessage.js';

describe('errorMessageKey', () => {
  it('says the link is no longer valid when a join is refused', () => {
    for (const status of [401, 403, 404]) {
      expect(errorMessageKey(new HttpError(status, 'x'), 'join')).toBe('app.error.linkInvalid');
    }
    expect(errorMessageKey(new HttpError(400, 'bad token', 'token'), 'join')).toBe('app.error.linkInvalid');
  });

  it('names the form field the server rejected', () => {
    expect(errorMessageKey(new HttpError(400, 'x', 'name'), 'other')).toBe('app.field.groupName');
    expect(errorMessageKey(new HttpError(400, 'x', 'facilitatorName'), 'other')).toBe('app.field.displayName');
    expect(errorMessageKey(new HttpError(400, 'x', 'displayName'), 'join')).toBe('app.field.displayName');
  });

  it('tells a refused group token apart from a missing group', () => {
    expect(errorMessageKey(new HttpError(401, 'x'), 'group')).toBe('app.error.accessEnded');
    expect(errorMessageKey(new HttpError(403, 'x'), 'group')).toBe('app.error.forbidden');
    expect(errorMessageKey(new HttpError(404, 'x'), 'group')).toBe('app.error.notFound');
  });

  it('covers the network, rate limits and the unexpected', () => {
    expect(errorMessageKey(new NetworkError(new TypeError()), 'join')).toBe('app.error.network');
    expect(errorMessageKey(new HttpError(429, 'x'), 'join')).toBe('app.error.rateLimited');
    expect(errorMessageKey(new HttpError(500, 'x'), 'group')).toBe('app.error.unexpected');
    expect(errorMessageKey(new Error('boom'), 'other')).toBe('app.error.unexpected');
  });
});
