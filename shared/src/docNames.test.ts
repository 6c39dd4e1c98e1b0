import { describe, expect, it } from 'vitest';
import type { ParticipantId } from './ids.js';
import { docAccess, formatDocName, parseDocName } from './docNames.js';

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

  it('grants board write to facilitators and members, read to observers', () => {
    const board = parseDocName('meeting/abcdefgh12/board')!;
    expect(docAccess(board, 'facilitator', null)).toBe('write');
    expect(docAccess(board, 'member', null)).toBe('write');
    expect(docAccess(board, 'observer', null)).toBe('read');
  });

  it('lets only the server write the session document', () => {
    const session = parseDocName('meeting/abcdefgh12/session')!;
    expect(docAccess(session, 'facilitator', null)).toBe('read');
    expect(docAccess(session, 'observer', null)).toBe('read');
  });

  it('opens a private document only to its owner', () => {
    const priv = parseDocName('meeting/abcdefgh12/private/p1234567')!;
    expect(docAccess(priv, 'member', 'p1234567' as ParticipantId)).toBe('write');
    expect(docAccess(priv, 'member', 'q1234567' as ParticipantId)).toBe('none');
    expect(docAccess(priv, 'facilitator', null)).toBe('none');
  });
});
