// Loads documents from the store on demand and unloads them when nobody holds them any more.
//
// One entry per document name, created by the first `acquire`; everyone who asks while it loads
// shares that one load. Holders (connections, server-side writers) are counted through leases.
// When the last lease is released the entry stays loaded for `unloadDelayMs` (whoever comes back in
// that time — a reconnect, the next of a stream of short connections, a server write — gets the same
// document without a reload), then waits for its pending writes, compacts the log, destroys the
// Y.Doc and disappears; whoever asks meanwhile waits for that and gets a freshly loaded document.
import type { Logger } from 'pino';
import type { DocStore } from '../storage/Storage.js';
import type { DocRelay, LiveDocOptions, Peer } from './LiveDoc.js';
import { LiveDoc } from './LiveDoc.js';
import { TurnQueue } from './turnQueue.js';

export interface DocLease<P extends Peer> {
  readonly doc: LiveDoc<P>;
  /** Gives the document back; the last release unloads it. Calling it again does nothing. */
  release(): void;
}

export interface DocRegistryOptions<P extends Peer> extends Pick<
  LiveDocOptions<P>,
  'compactThreshold' | 'merge' | 'maxDocumentBytes' | 'awarenessClientsPerConnection' | 'samePerson' | 'stampPresence'
> {
  store: DocStore;
  logger: Logger;
  /** A document could not persist an update; its connections must be closed so that they resync. */
  onPersistFailure(docName: string): void;
  /** Runs once per load, before anyone is given the document: install its guard, migrate it. */
  onLoad?(doc: LiveDoc<P>): void;
  /** Other instances serving the same documents (cluster/); absent on a single instance. */
  cluster?: DocCluster<P>;
  /** How long a document nobody holds stays loaded before it unloads; 0 (the default) unloads at once. */
  unloadDelayMs?: number;
}

/** What the registry tells the instances' shared view of documents (see cluster/docCluster.ts). */
export interface DocCluster<P extends Peer> {
  readonly relay: DocRelay;
  /** Wraps a load from the store: may catch up with what other instances hold before it resolves. */
  load(name: string, open: () => Promise<LiveDoc<P>>): Promise<LiveDoc<P>>;
  /** The document is no longer served here. */
  unloaded(doc: LiveDoc<P>): void;
  /**
   * Brings the document up to what the store holds: other instances may have stored (and given
   * their clients) changes that this one has not read from the relay yet (LiveDoc.catchUp).
   */
  catchUp(doc: LiveDoc<P>): Promise<void>;
}

interface Entry<P extends Peer> {
  name: string;
  refs: number;
  ready: Promise<LiveDoc<P>>;
  unloading: Promise<void> | null;
  /** Evicted after a failed write: released leases only destroy it, nobody new gets it. */
  failed: boolean;
  /** Nobody holds it; it unloads when this fires unless somebody acquires it first. */
  lingering: ReturnType<typeof setTimeout> | null;
}

export class DocRegistry<P extends Peer> {
  private readonly entries = new Map<string, Entry<P>>();
  private emptyWaiters: (() => void)[] = [];
  private closed = false;
  /** Ends every document's turn together: one commit for all their updates (turnQueue.ts). */
  private readonly turns: TurnQueue;

  constructor(private readonly opts: DocRegistryOptions<P>) {
    this.turns = new TurnQueue(opts.store, opts.logger);
  }

  /** Documents loading, loaded or unloading. */
  get size(): number {
    return this.entries.size;
  }

  async acquire(name: string): Promise<DocLease<P>> {
    if (this.closed) throw new Error('the sync server is closing');
    const existing = this.entries.get(name);
    if (existing?.unloading) {
      await existing.unloading;
      return this.acquire(name);
    }
    const entry = existing ?? this.load(name);
    if (entry.lingering) {
      clearTimeout(entry.lingering);
      entry.lingering = null;
    }
    entry.refs++;
    const doc = await entry.ready;
    let released = false;
    return {
      doc,
      release: () => {
        if (released) return;
        released = true;
        this.release(entry, doc);
      },
    };
  }

  /** Stamps the presence in a loaded document again (LiveDoc.restampPresence); a document not loaded has none. */
  async restampPresence(name: string): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry || entry.unloading || entry.failed) return;
    (await entry.ready).restampPresence();
  }

  /** Stops loading documents and resolves once every document has been flushed and unloaded. */
  close(): Promise<void> {
    this.closed = true;
    for (const entry of this.entries.values()) {
      if (!entry.lingering) continue;
      clearTimeout(entry.lingering);
      entry.lingering = null;
      void entry.ready.then((doc) => (entry.unloading = this.unload(entry, doc)));
    }
    if (this.entries.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.emptyWaiters.push(resolve));
  }

  private load(name: string): Entry<P> {
    const log = this.opts.logger.child({ doc: name });
    const cluster = this.opts.cluster;
    const entry: Entry<P> = {
      name,
      refs: 0,
      unloading: null,
      failed: false,
      lingering: null,
      ready: this.open(name, () =>
        this.opts.store.loadUpdates(name).then((stored) => {
          const doc = new LiveDoc<P>(name, stored, {
            store: this.opts.store,
            logger: log,
            compactThreshold: this.opts.compactThreshold,
            merge: this.opts.merge,
            maxDocumentBytes: this.opts.maxDocumentBytes,
            awarenessClientsPerConnection: this.opts.awarenessClientsPerConnection,
            samePerson: this.opts.samePerson,
            stampPresence: this.opts.stampPresence,
            onPersistFailure: (live, err) => this.persistFailed(entry, live, err, log),
            turns: this.turns,
            ...(cluster ? { relay: cluster.relay, catchUp: (live: LiveDoc<P>) => cluster.catchUp(live) } : {}),
          });
          try {
            this.opts.onLoad?.(doc);
          } catch (err) {
            doc.destroy();
            throw err;
          }
          return doc;
        }),
      ),
    };
    entry.ready.then(
      () => log.debug('loaded document'),
      (err: unknown) => {
        log.error({ err }, 'loading the document failed');
        this.remove(entry);
      },
    );
    this.entries.set(name, entry);
    return entry;
  }

  private open(name: string, load: () => Promise<LiveDoc<P>>): Promise<LiveDoc<P>> {
    return this.opts.cluster ? this.opts.cluster.load(name, load) : load();
  }

  private release(entry: Entry<P>, doc: LiveDoc<P>): void {
    entry.refs--;
    if (entry.refs > 0 || entry.unloading || entry.lingering) return;
    if (entry.failed) {
      doc.destroy();
      return;
    }
    const delay = this.opts.unloadDelayMs ?? 0;
    if (delay <= 0 || this.closed) {
      entry.unloading = this.unload(entry, doc);
      return;
    }
    entry.lingering = setTimeout(() => {
      entry.lingering = null;
      if (entry.refs === 0 && !entry.unloading && !entry.failed) entry.unloading = this.unload(entry, doc);
    }, delay);
    // Shutdown unloads what lingers (close); a timer alone must not keep the process alive.
    entry.lingering.unref();
  }

  private async unload(entry: Entry<P>, doc: LiveDoc<P>): Promise<void> {
    try {
      await doc.idle();
      // Not while the server shuts down: the log is already durable, and compacting every open
      // document then kept a supervisor's SIGTERM waiting for seconds. The next unload compacts it.
      // Nor when the log is one row as far as this instance knows (a board opened and left without an
      // edit): compacting then reads the whole log back only to find nothing to merge. Rows another
      // instance appended are compacted by a later unload or past the threshold.
      if (!doc.persistFailed && !this.closed && doc.storedRows > 1) await doc.compact();
    } finally {
      this.opts.cluster?.unloaded(doc);
      doc.destroy();
      this.remove(entry);
      this.opts.logger.debug({ doc: entry.name }, 'unloaded document');
    }
  }

  private persistFailed(entry: Entry<P>, doc: LiveDoc<P>, err: unknown, log: Logger): void {
    log.error({ err }, 'persisting an update failed; dropping the document so that clients resync');
    entry.failed = true;
    if (entry.lingering) {
      clearTimeout(entry.lingering);
      entry.lingering = null;
    }
    this.opts.cluster?.unloaded(doc);
    this.remove(entry);
    if (entry.refs === 0 && !entry.unloading) doc.destroy();
    this.opts.onPersistFailure(entry.name);
  }

  private remove(entry: Entry<P>): void {
    if (this.entries.get(entry.name) !== entry) return;
    this.entries.delete(entry.name);
    if (this.entries.size > 0) return;
    const waiters = this.emptyWaiters;
    this.emptyWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
