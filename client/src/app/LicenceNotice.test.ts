// @vitest-environment node
// These tests need no DOM; the node environment keeps them fast and independent of jsdom.
import { describe, expect, it } from 'vitest';
import { needsLicenceNotice } from './LicenceNotice.js';

describe('needsLicenceNotice', () => {
  it('warns only over HTTPS without a key', () => {
    expect(needsLicenceNotice('https:', null)).toBe(true);
    expect(needsLicenceNotice('https:', 'tldraw-key')).toBe(false);
    expect(needsLicenceNotice('http:', null)).toBe(false);
  });
});
