// What the API routers need from the rest of the server.
import type { Auth } from '../auth/Auth.js';
import type { Storage } from '../storage/Storage.js';
import type { Access } from './access.js';

/**
 * Which live sync connections to close: those of revoked tokens, of a participant, or on the
 * documents under some names (a meeting's). Data, not a function, so that it can be sent to the other
 * instances (cluster/) as well as applied here.
 */
export type CloseSelector =
  | { tokenHashes: string[] }
  /** A participant's connections; with `docNames`, only those to these documents (a room they left). */
  | { participantId: string; docNames?: string[] }
  | { docPrefixes: string[]; exceptSession?: boolean };

/** Whether a connection (its auth and document) is one the selector names. */
export function selects(
  selector: CloseSelector,
): (auth: { participantId: string | null; tokenHash: string }, docName: string) => boolean {
  if ('tokenHashes' in selector) {
    const hashes = new Set(selector.tokenHashes);
    return (auth) => hashes.has(auth.tokenHash);
  }
  if ('participantId' in selector) {
    const names = selector.docNames ? new Set(selector.docNames) : null;
    return (auth, name) => auth.participantId === selector.participantId && (names === null || names.has(name));
  }
  return (_, name) =>
    selector.docPrefixes.some((p) => name.startsWith(p)) && !(selector.exceptSession && name.endsWith('/session'));
}

/**
 * Closes live sync connections, e.g. those opened with a revoked token, on every instance. The
 * application provides it (app.ts); declared here by shape so that the HTTP layer does not depend
 * on sync internals.
 */
export interface ConnectionCloser {
  closeSelected(selector: CloseSelector, code: number, reason: string): void;
}

export interface RouteDeps {
  storage: Storage;
  auth: Auth;
  access: Access;
  connections: ConnectionCloser;
}
