import { describe, expect, it } from 'vitest';
import { formatDocName, parseDocName } from './docNames.js';

describe('document names', () => {
  it('round-trips every kind', () => {
    for (const name of [
      'meeting/abcdefgh12/board',
      'meeting/abcdefgh12/session',
      'meeting/abcdefgh12/private/p1234567',
    ]) {
      const parsed = parseDocName(name);
      expect(parsed).not.toBeNull();
      expect(formatDocName(parsed!)).toBe(name);
    }
  });

  it('rejects anything else', () => {
    for (const name of [
      '',
      'meeting',
      'meeting/x/board',
      'meeting/abcdefgh12/other',
      'meeting/abcdefgh12/board/x',
      'group/abcdefgh12/board',
      'meeting/../board',
      'meeting/abcdefgh12/private/../x',
    ]) {
      expect(parseDocName(name)).toBeNull();
    }
  });
});
