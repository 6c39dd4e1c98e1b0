// The sync server's hook for board-shaped documents: when a meeting's board, a breakout room's board
// or a private-notes document loads, install the update guard that checks every browser write to it, then bring the
// board's meta to this server's versions. Session documents need no guard: only the server writes
// them, and read-only connections never get a write in.
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { BOARD_CLIENTS, can, parseDocName, SERVER_WRITER, type DocName } from '@vermeboard/shared';
import type { Connection } from '../sync/Connection.js';
import type { LiveDoc } from '../sync/LiveDoc.js';
import { prepareBoardMeta } from './boardMeta.js';
import { BoardGuard, type GuardedWriter } from './boardGuard.js';
import type { MeetingRulesCache } from './meetingRules.js';
import { UpdateRefusedError } from './updateGuard.js';

export interface BoardDocHookOptions {
  rules: MeetingRulesCache;
  maxRecordBytes: number;
  logger: Logger;
}

export function createBoardDocHook(opts: BoardDocHookOptions): (live: LiveDoc<Connection>) => void {
  return (live) => {
    const name = parseDocName(live.name);
    if (name === null || name.kind === 'session') return;
    const guard = new BoardGuard(live.doc, {
      // A room's board follows the plenary board's rules, and only the room's people write it.
      kind: name.kind === 'private' ? 'private' : 'board',
      rules: () => opts.rules.get(name.meetingId),
      maxRecordBytes: opts.maxRecordBytes,
      ...(name.kind === 'room' ? { mayWrite: roomWriter(opts.rules, name) } : {}),
    });
    let frozen: string | null = null;
    live.guard = {
      check(update, from) {
        if (frozen !== null) throw new UpdateRefusedError(frozen);
        const accepted = guard.check(update, from.auth);
        return (doc) => guard.record(accepted, from.auth, (fn) => doc.transact(fn));
      },
      serverWrite: claimServerClientId,
      destroy: () => guard.destroy(),
    };
    if (name.kind === 'private') return;
    const outcome = live.transact((doc) => prepareBoardMeta(doc));
    const log = opts.logger.child({ doc: live.name });
    if (outcome.kind === 'frozen') {
      frozen = `the board cannot be written: ${outcome.reason}`;
      log.error({ reason: outcome.reason }, 'board frozen: kept as it is and refused for writing');
    } else if (outcome.kind === 'migrated') {
      log.info({ from: outcome.from, records: outcome.records }, 'migrated the board');
    }
  };
}

/**
 * Whether a writer is in the room now: a connection is closed when its person leaves the room, but
 * an update already on its way must not land after that.
 */
function roomWriter(rules: MeetingRulesCache, name: Extract<DocName, { kind: 'room' }>) {
  return (writer: GuardedWriter): string | null => {
    const state = rules.get(name.meetingId).state;
    return state && can(writer, 'room.enter', { session: state, room: name.room }) ? null : 'not in this room';
  };
}

/** The server's own client id is bound like anyone's, so no browser can write in its name. */
function claimServerClientId(doc: Y.Doc): void {
  const clients = doc.getMap<string>(BOARD_CLIENTS);
  const id = String(doc.clientID);
  if (!clients.has(id) && doc.store.clients.has(doc.clientID)) clients.set(id, SERVER_WRITER);
}
