// What the API routers need from the rest of the server.
import type { Auth } from '../auth/Auth.js';
import type { Storage } from '../storage/Storage.js';
import type { Access } from './access.js';

/**
 * Closes live sync connections, e.g. those opened with a revoked token. The sync server provides it;
 * declared here by shape so that the HTTP layer does not depend on sync internals.
 */
export interface ConnectionCloser {
  closeConnections(
    pred: (auth: { participantId: string | null; tokenHash: string }, docName: string) => boolean,
    code: number,
    reason: string,
  ): number;
}

export interface RouteDeps {
  storage: Storage;
  auth: Auth;
  access: Access;
  connections: ConnectionCloser;
}
