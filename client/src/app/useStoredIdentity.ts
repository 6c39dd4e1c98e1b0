import type { GroupId } from '@vermeboard/shared';
import { useMemo } from 'react';
import { identities, type Identity } from '../api/identity.js';

/**
 * This browser's identity in a group, read once per group. Deliberately not live: when a page forgets
 * a refused token it keeps showing why, instead of switching to "you have not joined".
 */
export function useStoredIdentity(groupId: GroupId): Identity | null {
  return useMemo(() => identities.get(groupId), [groupId]);
}
