import { describe, expect, it } from 'vitest';
import { formatDocName, parseDocName } from './docNames.js';

describe('document names', () => {
  it('round-trips every kind', () => {
    for (const name of [
      'meeting/abcdefgh12/board',
      'meeting/abcdefgh12/session',
      'meeting/abcdefgh12/private/p1234567',
      'meeting/abcdefgh12/room/1/board',
      'meeting/abcdefgh12/room/9999/board',
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
      'meeting/abcdefgh12/room/0/board',
      'meeting/abcdefgh12/room/01/board',
      'meeting/abcdefgh12/room/10000/board',
      'meeting/abcdefgh12/room/1',
      'meeting/abcdefgh12/room/1/session',
    ]) {
      expect(parseDocName(name)).toBeNull();
    }
  });
});
