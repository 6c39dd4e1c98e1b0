// Which connection may publish awareness (presence) for which Yjs client id, so that nobody can move
// another person's cursor or rename them. A connection claims the ids it first publishes, up to a
// limit (a Y.Doc picks a new client id when it detects a clash, so one tab can need more than one).
//
// y-websocket clients re-send every awareness change they receive, including other clients' states
// with the clock they got from the server. Those echoes change nothing and are dropped quietly;
// only an entry that would change another connection's client (a newer clock) is an attack.
import { CloseCode } from '@vermeboard/shared';
import type { AwarenessEntry } from './protocol.js';
import { ProtocolError } from './protocol.js';

export class AwarenessOwners<Peer> {
  private readonly owners = new Map<number, Peer>();
  private readonly idsOf = new Map<Peer, Set<number>>();

  constructor(
    private readonly maxPerPeer: number,
    /**
     * Whether two connections are the same person (same token). A client that reconnects keeps its
     * client id, and its new connection can arrive before the server noticed that the old one died.
     */
    private readonly samePerson: (a: Peer, b: Peer) => boolean,
  ) {}

  /**
   * The entries `peer` may apply. `knownClock` is the server's clock for a client id, if any.
   * Throws a ProtocolError (forbidden) for an attempt to set a client id of another connection or to
   * claim more ids than allowed.
   */
  filter(peer: Peer, entries: readonly AwarenessEntry[], knownClock: (clientId: number) => number | undefined) {
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      const known = knownClock(entry.clientId);
      const stale = known !== undefined && entry.clock <= known;
      if (owner === peer) {
        accepted.push(entry);
      } else if (owner !== undefined) {
        if (stale) continue;
        if (!this.samePerson(owner, peer)) {
          throw new ProtocolError(`awareness for client ${entry.clientId} of another connection`, CloseCode.forbidden);
        }
        this.forget(owner, entry.clientId);
        this.claim(peer, entry.clientId);
        accepted.push(entry);
      } else {
        // Unowned ids have no state on the server, so removing one or echoing an old one is a no-op.
        if (entry.state === null || stale) continue;
        this.claim(peer, entry.clientId);
        accepted.push(entry);
      }
    }
    return accepted;
  }

  /** The connection that publishes for `clientId`, if any. */
  ownerOf(clientId: number): Peer | undefined {
    return this.owners.get(clientId);
  }

  /** Forgets everything `peer` owned and returns those client ids. */
  release(peer: Peer): number[] {
    const ids = [...(this.idsOf.get(peer) ?? [])];
    for (const id of ids) this.owners.delete(id);
    this.idsOf.delete(peer);
    return ids;
  }

  private claim(peer: Peer, clientId: number): void {
    let ids = this.idsOf.get(peer);
    if (!ids) {
      ids = new Set();
      this.idsOf.set(peer, ids);
    }
    if (ids.size >= this.maxPerPeer) {
      throw new ProtocolError(`awareness for more than ${this.maxPerPeer} client ids`, CloseCode.forbidden);
    }
    ids.add(clientId);
    this.owners.set(clientId, peer);
  }

  private forget(peer: Peer, clientId: number): void {
    this.idsOf.get(peer)?.delete(clientId);
    this.owners.delete(clientId);
  }
}
