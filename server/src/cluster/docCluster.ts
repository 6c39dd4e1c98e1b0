// Live documents shared by the instances of one deployment, through a Redis stream per document.
//
// Why streams and not pub/sub: a stream entry stays readable after it was written, so an instance
// whose connection to Redis dropped for a moment reads on from the last id it saw and misses
// nothing; a pub/sub message published while a subscriber reconnects is gone. Each stream is capped
// (XADD MAXLEN ~) and expires when nobody writes to it for an hour. A reader that fell behind by
// more than the cap would miss entries silently, so each instance numbers the updates it relays per
// document; a reader that sees a number skipped reloads the document from the store.
//
// What goes through a document's stream, every entry tagged with the instance that wrote it (an
// instance skips its own):
//   u   an update this instance stored (persist-before-relay holds across instances: an instance
//       relays only what its store has acknowledged, so whatever any client received is stored)
//   a   an awareness update of this instance's connections (already stamped here)
//   p   a stroke preview of one of this instance's connections (already checked here; not stored
//       anywhere: a later peer that misses one sees the stroke when its record is written)
//   s1  a state vector: "send me what I lack" (a load, or a reconnect to Redis)
//   s2  the answer to one instance's s1: what the store holds beyond that state vector
// An instance that loads a document reads the stream from the last id it had before the load from
// the store began, so nothing stored meanwhile slips between the two; then it asks the instances
// that hold the document (a sorted set, renewed by heartbeats) for what they hold, and waits for
// their answers at most `syncWaitMs` before its own clients get the document.
//
// A browser that moves here from another instance (it died, or a load balancer chose again) may
// hold changes this instance has not read yet: the other one relayed them to its own clients first
// and to the stream after, or never, if it died in between. Its sync step 2 would then bring other
// people's changes as its own, which the board checks refuse. So a step 2 that holds anything new
// first makes the document catch up with the store (`catchUp`, once per connection; persist-before-
// relay means the store has whatever any client received), and is checked after.
//
// When the connection to Redis comes back (a restart of Redis loses every stream), each instance
// reloads its documents from the store, asks its peers again (both ways) and publishes the presence
// of its own connections again. Presence that an instance relayed is removed by the others when its
// heartbeat stops (and in any case by the awareness timeout of 30 s).
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import * as Y from 'yjs';
import { limits } from '@vermeboard/shared';
import type { DocCluster } from '../sync/DocRegistry.js';
import type { LiveDoc, Peer } from '../sync/LiveDoc.js';
import { readAwarenessUpdate, readMessage } from '../sync/protocol.js';
import type { ClusterKeys } from './keys.js';

export interface DocClusterOptions {
  instanceId: string;
  keys: ClusterKeys;
  /** Commands (XADD, ZADD…); offline queue on. */
  command: Redis;
  /** A connection of its own for the blocking XREAD. */
  reader: Redis;
  logger: Logger;
  /** How long a load waits for the other holders' answers. */
  syncWaitMs: number;
  /** Entries kept per document stream (approximately). */
  streamMaxLen: number;
  /** A holder or instance not renewed within this is taken for dead. */
  heartbeatTtlMs: number;
  /** Stored updates of a document, for a resync after Redis came back. */
  loadStored(docName: string): Promise<Uint8Array[]>;
  /** A message another instance published to all (`publish`), as it was published. */
  onControl(message: string): void;
}

interface Held<P extends Peer> {
  doc: LiveDoc<P>;
  /** Last stream id read (or the stream's end before the load began). */
  lastId: string;
  /** Awareness client ids that other instances published here, by instance. */
  remoteClients: Map<number, string>;
  /** Instances whose s2 a load is waiting for. */
  awaiting: Map<string, () => void> | null;
  /** The last update number read from each instance (see `relay.updates`). */
  seqs: Map<string, number>;
  /** A reload from the store under way after a gap. */
  reloading: Promise<void> | null;
}

export interface ClusterDocs<P extends Peer> extends DocCluster<P> {
  /** Renews this instance's claims and drops the presence of instances whose heartbeat stopped. */
  heartbeat(): Promise<void>;
  /** After Redis came back: reload, ask again, publish presence again. */
  resync(): Promise<void>;
  /** Sends a message to every other instance (their `onControl`). */
  publish(message: string): void;
  close(): void;
}

const streamTtlMs = 60 * 60 * 1000;
/** A stream's expiry is renewed at most this often (not with every entry: that doubled the commands). */
const streamTtlRenewMs = 60 * 1000;
const readBlockMs = 5000;
const readCount = 500;
const awarenessLimits = { awarenessStateBytes: limits.awarenessStateBytes };

export function createClusterDocs<P extends Peer>(opts: DocClusterOptions): ClusterDocs<P> {
  const { instanceId: self, keys, command, reader, logger: log } = opts;
  const held = new Map<string, Held<P>>();
  /** The number of the last update this instance relayed, per document (never reset while it runs). */
  const sent = new Map<string, number>();
  let closed = false;
  let readerId: number | null = null;
  /** Control messages are read from those written after this instance started. */
  let controlId = `${Date.now()}-0`;
  /** The set of streams changed since the XREAD in flight was sent (a document loaded). */
  let stale = false;
  let reading = false;
  const selfBytes = Buffer.from(self);
  /** When each stream's expiry was last renewed by this instance. */
  const renewed = new Map<string, number>();
  /** Instances seen dead whose documents were read again (reloadWhatTheyHeld), until forgotten. */
  const mourned = new Set<string>();

  /** Rejects the XREAD in flight when its connection drops (ioredis would leave it pending for good). */
  let dropRead: ((err: Error) => void) | null = null;
  reader.on('close', () => {
    readerId = null;
    dropRead?.(new Error('the connection to Redis dropped'));
  });

  const ready = () => command.status === 'ready';

  /** Entries to add in this turn of the event loop, sent in one pipeline (cursor moves are many). */
  let batch: { key: string; fields: (string | Buffer)[] }[] = [];

  function add(name: string, fields: (string | Buffer)[]): void {
    if (!ready()) return; // A resync after the reconnect catches up with what was not sent.
    batch.push({ key: keys.stream(name), fields });
    if (batch.length === 1) setImmediate(flush);
  }

  function flush(): void {
    const entries = batch;
    batch = [];
    const pipeline = command.pipeline();
    const now = Date.now();
    for (const { key, fields } of entries) {
      pipeline.xadd(key, 'MAXLEN', '~', opts.streamMaxLen, '*', 'o', self, ...fields);
      if (now - (renewed.get(key) ?? -Infinity) >= streamTtlRenewMs) {
        renewed.set(key, now);
        pipeline.pexpire(key, streamTtlMs);
      }
    }
    pipeline.exec().catch((err: unknown) => log.warn({ err }, 'could not relay to the other instances'));
  }

  /**
   * Interrupts a blocked XREAD so that the next one includes a newly loaded document. The XREAD
   * may not have reached Redis yet when the UNBLOCK does (they travel on two connections): then
   * nothing was unblocked, and the UNBLOCK is sent again shortly, until that read has ended.
   */
  function interruptRead(): void {
    stale = true;
    const attempt = (tries: number): void => {
      if (!reading || !stale || readerId === null || closed) return;
      command
        .client('UNBLOCK', readerId)
        .then((unblocked) => {
          if (Number(unblocked) === 0 && tries > 1) setTimeout(() => attempt(tries - 1), 5).unref();
        })
        .catch(() => undefined);
    };
    attempt(20);
  }

  async function readLoop(): Promise<void> {
    while (!closed) {
      try {
        readerId ??= Number(await reader.client('ID'));
        const names = [...held.keys()];
        const streams = [keys.control, ...names.map(keys.stream)];
        const ids = [controlId, ...names.map((n) => held.get(n)!.lastId)];
        stale = false;
        reading = true;
        const dropped = new Promise<never>((_, reject) => (dropRead = reject));
        const read = reader.xreadBuffer('COUNT', readCount, 'BLOCK', readBlockMs, 'STREAMS', ...streams, ...ids);
        read.catch(() => undefined);
        const result = await Promise.race([read, dropped]).finally(() => {
          reading = false;
          dropRead = null;
        });
        for (const [key, entries] of result ?? []) {
          if (key.toString() === keys.control) {
            for (const [id, fields] of entries) {
              controlId = id.toString();
              const f = fieldsOf(fields);
              const message = f.get('d')?.toString();
              if (message !== undefined && f.get('o')?.toString() !== self) opts.onControl(message);
            }
            continue;
          }
          const name = keys.docOfStream(key.toString());
          const entry = name === null ? undefined : held.get(name);
          if (!entry || name === null) continue;
          for (const [id, fields] of entries) {
            entry.lastId = id.toString();
            // This instance's own entries (every entry starts with its origin): skipped unparsed.
            if (fields[0]?.toString() === 'o' && fields[1]?.equals(selfBytes)) continue;
            try {
              await handle(name, entry, fieldsOf(fields));
            } catch (err) {
              log.warn({ err, doc: name }, 'ignored a relayed message that could not be applied');
            }
          }
        }
      } catch (err) {
        if (closed) return;
        log.warn({ err }, 'reading the relay streams failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async function handle(name: string, entry: Held<P>, f: Map<string, Buffer>): Promise<void> {
    const origin = f.get('o')?.toString();
    const type = f.get('t')?.toString();
    const data = f.get('d');
    if (!origin || origin === self || !data) return;
    const doc = entry.doc;
    switch (type) {
      case 'u': {
        const waiting = hasPending(doc.doc);
        doc.applyRemoteUpdate(data);
        const n = Number(f.get('n')?.toString());
        const last = entry.seqs.get(origin);
        entry.seqs.set(origin, n);
        // A stream is capped: a reader that fell further behind than the cap lost entries, and
        // only the numbers tell. Everything relayed was stored first, so the store has them.
        if (last !== undefined && n > last + 1) {
          log.warn({ doc: name, origin, missed: n - last - 1 }, 'missed relayed updates; reloading the document');
          void reload(name, entry);
        } else if (!waiting && hasPending(doc.doc)) {
          // It builds on something this instance never read: stored by an instance that died before
          // relaying it, and read from the store by the one that relayed this (a browser moved there).
          log.warn({ doc: name, origin }, 'a relayed update depends on one never relayed; reloading the document');
          void reload(name, entry);
        }
        return;
      }
      case 'a': {
        for (const { clientId, state } of readAwarenessUpdate(data, awarenessLimits)) {
          if (state === null) entry.remoteClients.delete(clientId);
          else entry.remoteClients.set(clientId, origin);
        }
        doc.applyRemoteAwareness(data);
        return;
      }
      case 'p': {
        // Checked where it was sent, and read again here like everything that comes out of Redis.
        const message = readMessage(data, awarenessLimits);
        if (message.type !== 'strokePreview') throw new Error(`a relayed ${message.type} where a preview belongs`);
        doc.applyRemotePreview(message.frame);
        return;
      }
      case 's1': {
        // Only what is stored: what another instance's clients receive must survive a crash here.
        await doc.flushed();
        const stateVector = new Uint8Array(data);
        add(name, ['t', 's2', 'to', origin, 'd', Buffer.from(Y.encodeStateAsUpdate(doc.doc, stateVector))]);
        const own = doc.ownedClientIds();
        if (own.length > 0) add(name, ['t', 'a', 'd', Buffer.from(doc.encodeAwarenessStates(own))]);
        // A resync asks both ways: the asker may hold what this instance missed while Redis was away.
        if (f.get('r')?.toString() === '1') ask(name, doc, false);
        return;
      }
      case 's2': {
        if (f.get('to')?.toString() !== self) return;
        const waiting = hasPending(doc.doc);
        doc.applyRemoteUpdate(data);
        if (!waiting && hasPending(doc.doc)) void reload(name, entry);
        entry.awaiting?.get(origin)?.();
        return;
      }
    }
  }

  /**
   * An instance that died may have stored updates it never relayed (persist-before-relay: it stores,
   * then relays, and may die in between). The store has them, so each document it held is read
   * again, once per death.
   */
  async function reloadWhatTheyHeld(deadIds: readonly string[]): Promise<void> {
    const names = [...held.keys()];
    if (names.length === 0) return;
    const pipeline = command.pipeline();
    for (const name of names) for (const id of deadIds) pipeline.zscore(keys.holders(name), id);
    const replies = (await pipeline.exec()) ?? [];
    const reloads: Promise<void>[] = [];
    names.forEach((name, i) => {
      const entry = held.get(name);
      const heldThere = deadIds.some((_, d) => replies[i * deadIds.length + d]?.[1] != null);
      if (!entry || !heldThere) return;
      log.info({ doc: name, instances: deadIds }, 'an instance holding this document died; reloading it');
      reloads.push(reload(name, entry));
    });
    await Promise.all(reloads);
  }

  /** Reads the document from the store again; one reload at a time (a caller meanwhile shares it). */
  function reload(name: string, entry: Held<P>): Promise<void> {
    return (entry.reloading ??= opts
      .loadStored(name)
      .then((stored) => {
        if (stored.length > 0) entry.doc.applyRemoteUpdate(Y.mergeUpdates(stored));
      })
      .catch((err: unknown) => log.warn({ err, doc: name }, 'could not reload a document'))
      .finally(() => (entry.reloading = null)));
  }

  function ask(name: string, doc: LiveDoc<P>, both: boolean): void {
    add(name, ['t', 's1', 'r', both ? '1' : '0', 'd', Buffer.from(Y.encodeStateVector(doc.doc))]);
  }

  /** Resolves with `fallback` when `promise` takes longer than `ms` (Redis away must not block a load). */
  function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
    return Promise.race([
      promise.catch(() => fallback),
      new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref()),
    ]);
  }

  async function otherHolders(name: string): Promise<string[]> {
    if (!ready()) return [];
    const holders = await within(command.zrangebyscore(keys.holders(name), Date.now(), '+inf'), opts.syncWaitMs, []);
    return holders.filter((id) => id !== self);
  }

  function claim(name: string): void {
    if (!ready()) return;
    command
      .multi()
      .zadd(keys.holders(name), Date.now() + opts.heartbeatTtlMs, self)
      .pexpire(keys.holders(name), opts.heartbeatTtlMs * 2)
      .exec()
      .catch(() => undefined);
  }

  void readLoop();

  return {
    relay: {
      updates(name, updates) {
        // Numbered per document and instance, so that a reader can tell it missed some.
        for (const update of updates) {
          const n = (sent.get(name) ?? 0) + 1;
          sent.set(name, n);
          add(name, ['t', 'u', 'n', String(n), 'd', Buffer.from(update)]);
        }
      },
      awareness(name, update) {
        add(name, ['t', 'a', 'd', Buffer.from(update)]);
      },
      preview(name, frame) {
        add(name, ['t', 'p', 'd', Buffer.from(frame)]);
      },
    },

    async load(name, open) {
      const fallback: [string, string[]][] = [];
      const last = ready()
        ? await within(command.xrevrange(keys.stream(name), '+', '-', 'COUNT', 1), opts.syncWaitMs, fallback)
        : fallback;
      const doc = await open();
      const entry: Held<P> = {
        doc,
        lastId: last[0]?.[0] ?? '0-0',
        remoteClients: new Map(),
        awaiting: null,
        seqs: new Map(),
        reloading: null,
      };
      held.set(name, entry);
      interruptRead();
      const peers = await otherHolders(name);
      claim(name);
      if (peers.length > 0) {
        const answered = new Map<string, () => void>();
        const all = Promise.all(peers.map((peer) => new Promise<void>((resolve) => answered.set(peer, resolve))));
        entry.awaiting = answered;
        ask(name, doc, false);
        await within(all, opts.syncWaitMs, undefined);
        entry.awaiting = null;
      }
      return doc;
    },

    async catchUp(doc) {
      const entry = held.get(doc.name);
      if (entry?.doc !== doc) return;
      // A reload under way may have read the store before what the caller needs was written there:
      // let it finish, then join (or start) one that began after this call.
      await entry.reloading;
      await reload(doc.name, entry);
    },

    unloaded(doc) {
      if (held.get(doc.name)?.doc !== doc) return;
      held.delete(doc.name);
      sent.delete(doc.name);
      renewed.delete(keys.stream(doc.name));
      if (ready()) command.zrem(keys.holders(doc.name), self).catch(() => undefined);
    },

    async heartbeat() {
      if (!ready()) return;
      const now = Date.now();
      const pipeline = command.pipeline().zadd(keys.instances, now + opts.heartbeatTtlMs, self);
      for (const name of held.keys()) {
        pipeline.zadd(keys.holders(name), now + opts.heartbeatTtlMs, self);
        pipeline.pexpire(keys.holders(name), opts.heartbeatTtlMs * 2);
      }
      await pipeline.exec();
      const dead = new Set(await command.zrangebyscore(keys.instances, '-inf', now));
      for (const id of mourned) if (!dead.has(id)) mourned.delete(id);
      if (dead.size === 0) return;
      const newlyDead = [...dead].filter((id) => !mourned.has(id));
      if (newlyDead.length > 0) {
        // Marked only once read again: a heartbeat that fails on the way tries again next time.
        await reloadWhatTheyHeld(newlyDead);
        for (const id of newlyDead) mourned.add(id);
      }
      for (const entry of held.values()) {
        const gone = [...entry.remoteClients].filter(([, origin]) => dead.has(origin)).map(([id]) => id);
        for (const id of gone) entry.remoteClients.delete(id);
        if (gone.length > 0) entry.doc.removeRemoteAwareness(gone);
      }
      // Long dead: nobody needs to remember them any more.
      await command.zremrangebyscore(keys.instances, '-inf', now - 10 * opts.heartbeatTtlMs);
    },

    async resync() {
      // A restarted Redis lost the streams and their expiry with them.
      renewed.clear();
      interruptRead();
      for (const [name, entry] of held) {
        await reload(name, entry);
        claim(name);
        ask(name, entry.doc, true);
        const own = entry.doc.ownedClientIds();
        if (own.length > 0) add(name, ['t', 'a', 'd', Buffer.from(entry.doc.encodeAwarenessStates(own))]);
      }
    },

    publish(message) {
      if (!ready()) return;
      command
        .multi()
        .xadd(keys.control, 'MAXLEN', '~', opts.streamMaxLen, '*', 'o', self, 'd', message)
        .pexpire(keys.control, streamTtlMs)
        .exec()
        .catch((err: unknown) => log.warn({ err }, 'could not tell the other instances'));
    },

    close() {
      closed = true;
      interruptRead();
    },
  };
}

function fieldsOf(flat: Buffer[]): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i]!.toString(), flat[i + 1]!);
  return fields;
}

/** Whether the document holds updates it cannot integrate yet: structs or deletions past a gap. */
function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
