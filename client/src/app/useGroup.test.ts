import { describe, expect, it } from 'vitest';
import type { GroupId, GroupResponse } from '@vermeboard/shared';
import { rememberOpenedGroup, takeOpenedGroup } from './useGroup.js';

const groupId = 'g-1' as GroupId;
const answer = { id: groupId } as unknown as GroupResponse;

describe('the answer a group was opened with', () => {
  it('goes to the first page of that group and token only, once', () => {
    rememberOpenedGroup(groupId, 'token', answer);
    // Another group's or another token's page leaves it alone.
    expect(takeOpenedGroup('g-2' as GroupId, 'token')).toBeNull();
    expect(takeOpenedGroup(groupId, 'other')).toBeNull();
    expect(takeOpenedGroup(groupId, 'token')).toBe(answer);
    // A page opened after it (the meeting a waiting member is taken to) asks the server.
    expect(takeOpenedGroup(groupId, 'token')).toBeNull();
  });
});
