import type { GroupId } from '@vermeboard/shared';
import { useEffect } from 'react';
import { HttpError } from '../api/errors.js';
import { identities } from '../api/identity.js';
import { ErrorNotice } from './ErrorNotice.js';
import { errorMessageKey } from './errorMessage.js';

/** A group that failed to load. A refusal is final (no retry); anything else may pass, so offer one. */
export function GroupError({ groupId, error, onRetry }: { groupId: GroupId; error: unknown; onRetry(): void }) {
  const refused = error instanceof HttpError && (error.status === 401 || error.status === 404);
  useEffect(() => {
    // A token the server no longer accepts is useless; forgetting it lets the invite link work again.
    if (refused) identities.forget(groupId);
  }, [refused, groupId]);
  return <ErrorNotice message={errorMessageKey(error, 'group')} {...(refused ? {} : { onRetry })} />;
}
