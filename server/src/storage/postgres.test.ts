import pg from 'pg';
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { betweenContract } from './betweenContract.test-suite.js';
import { storageContract } from './contract.test-suite.js';
import { notifyContract } from './notifyContract.test-suite.js';
import { openPostgresStorage } from './postgres.js';
import { createDb } from './postgresDb.js';
import { compactionLockKey } from './postgresDocs.js';
import { migrate, migrations } from './postgresSchema.js';
import { DocumentGoneError } from './Storage.js';
import { createTestDatabase, type TestDatabase } from './postgresTestDb.testkit.js';

// A fresh database per test, as the SQLite suite gets a fresh file: the contract reuses its ids.
// Dropped after each test (this hook runs after the contract's own, which closes the storage).
const databases: TestDatabase[] = [];
async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.drop();
});

storageContract('postgres', async () => {
  const { url } = await freshDatabase();
  return { storage: await openPostgresStorage(url), reopen: () => openPostgresStorage(url) };
});

betweenContract('postgres', async () => {
  const { url } = await freshDatabase();
  return { storage: await openPostgresStorage(url), reopen: () => openPostgresStorage(url) };
});

notifyContract('postgres', async () => {
  const { url } = await freshDatabase();
  return { storage: await openPostgresStorage(url), reopen: () => openPostgresStorage(url) };
});

const mergeAll = (rows: Uint8Array[]) => Y.mergeUpdates(rows);

function edits(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i}`, i);
  return updates;
}

it('stores a batch appended twice once', async () => {
  const { url } = await freshDatabase();
  const storage = await openPostgresStorage(url);
  try {
    const batch = edits(3);
    await storage.appendUpdates('meeting/x/board', batch);
    await storage.appendUpdates('meeting/x/board', batch);
    await storage.appendUpdates('meeting/x/board', [batch[1]!, batch[1]!]);
    expect(await storage.loadUpdates('meeting/x/board')).toEqual(batch);
    // The same bytes in another document are that document's own row.
    await storage.appendUpdates('meeting/y/board', [batch[0]!]);
    expect(await storage.countUpdates('meeting/y/board')).toBe(1);
  } finally {
    await storage.close();
  }
});

it('leaves a document alone while another instance compacts it, and compacts it afterwards', async () => {
  const { url } = await freshDatabase();
  const storage = await openPostgresStorage(url);
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  try {
    await storage.appendUpdates('meeting/x/board', edits(5));
    // Another instance's compaction holds the document's lock in its transaction.
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1::bigint)', [compactionLockKey('meeting/x/board')]);
    await storage.compact('meeting/x/board', mergeAll);
    expect(await storage.countUpdates('meeting/x/board')).toBe(5);
    // Another document's compaction is not held up.
    await storage.appendUpdates('meeting/y/board', edits(2));
    await storage.compact('meeting/y/board', mergeAll);
    expect(await storage.countUpdates('meeting/y/board')).toBe(1);
    await other.query('COMMIT');
    await storage.compact('meeting/x/board', mergeAll);
    expect(await storage.countUpdates('meeting/x/board')).toBe(1);
  } finally {
    await other.end();
    await storage.close();
  }
});

it('keeps the rows appended while a compaction runs', async () => {
  const { url } = await freshDatabase();
  const storage = await openPostgresStorage(url);
  const second = await openPostgresStorage(url);
  try {
    const updates = edits(30);
    await storage.appendUpdates('meeting/x/board', updates.slice(0, 10));
    // The merge runs between the compaction's read and its delete; another instance appends then.
    let appended: Promise<void> = Promise.resolve();
    await storage.compact('meeting/x/board', (rows) => {
      appended = second.appendUpdates('meeting/x/board', updates.slice(10));
      return mergeAll(rows);
    });
    await appended;
    const restored = new Y.Doc();
    for (const u of await storage.loadUpdates('meeting/x/board')) Y.applyUpdate(restored, u);
    expect(Object.keys(restored.getMap('m').toJSON())).toHaveLength(30);
    expect(await storage.countUpdates('meeting/x/board')).toBe(21);
  } finally {
    await second.close();
    await storage.close();
  }
});

it('two instances starting at once on a new database migrate it once', async () => {
  const { url } = await freshDatabase();
  const [a, b] = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
  await Promise.all([a.close(), b.close()]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    // Each version once (the primary key would have failed the second instance), none missing.
    expect(rows.map((r) => r.version)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.length).toBeGreaterThan(1);
  } finally {
    await client.end();
  }
});

it('refuses a database written by a newer server', async () => {
  const { url } = await freshDatabase();
  await (await openPostgresStorage(url)).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('INSERT INTO schema_migrations (version) VALUES (999)');
  await client.end();
  await expect(openPostgresStorage(url)).rejects.toThrow(/newer than this server knows/);
});

it('says which server it could not reach, without the password', async () => {
  await expect(openPostgresStorage('postgres://vb:s3cret@127.0.0.1:1/vermeboard')).rejects.toThrow(
    /^PostgreSQL at 127\.0\.0\.1:1\/vermeboard: (?!.*s3cret)/,
  );
});

it('upgrades a database of the first schema version without losing data', async () => {
  const { url } = await freshDatabase();
  // A database as a server of the first version left it, with a group in it.
  const old = createDb(url);
  await migrate(old, migrations.slice(0, 1));
  await old.pool.query(
    `INSERT INTO groups (id, name, created_at, link_generation) VALUES ('group-000001', 'Old group', '2025-01-01T00:00:00.000Z', 2)`,
  );
  await old.pool.end();
  const storage = await openPostgresStorage(url);
  try {
    const groupId = 'group-000001' as GroupId;
    expect(await storage.getGroup(groupId)).toMatchObject({ name: 'Old group', linkGeneration: 2 });
    expect(await storage.assessmentThreshold(groupId)).toBe(3);
    expect(await storage.listAssessmentReleases(groupId)).toEqual([]);
    expect(await storage.getGroupSettings(groupId)).toMatchObject({ nextMeetingTime: null, nextMeetingPlace: null });
  } finally {
    await storage.close();
  }
});

it('does not bring back a document deleted while its compaction merged', async () => {
  const { url } = await freshDatabase();
  const storage = await openPostgresStorage(url);
  const other = await openPostgresStorage(url);
  try {
    await storage.appendUpdates('meeting/x/board', edits(5));
    // The merge runs elsewhere (a worker thread); meanwhile another instance deletes the document.
    await storage.compact('meeting/x/board', async (rows) => {
      await other.deleteDoc('meeting/x/board');
      return mergeAll(rows);
    });
    expect(await storage.loadUpdates('meeting/x/board')).toEqual([]);
  } finally {
    await other.close();
    await storage.close();
  }
});

it('refuses an append that waited for a purge of its meeting to commit', async () => {
  const { url } = await freshDatabase();
  const storage = await openPostgresStorage(url);
  const purger = new pg.Client({ connectionString: url });
  await purger.connect();
  try {
    const groupId = 'group-000001' as GroupId;
    const meetingId = 'meeting-0001' as MeetingId;
    await storage.createGroup(
      { id: groupId, name: 'G', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
      { facilitator: 'f', member: 'm', observer: 'o' },
    );
    await storage.createMeeting({ id: meetingId, groupId, createdAt: '2026-01-01T00:00:00.000Z' });
    // Another instance's purge has marked the meeting and not committed yet.
    await purger.query('BEGIN');
    await purger.query(`UPDATE meetings SET board_deleted_at = '2026-02-01T00:00:00.000Z' WHERE id = $1`, [meetingId]);
    const append = storage.appendUpdates(`meeting/${meetingId}/board`, [new Uint8Array([1, 2, 3])]);
    const outcome = append.then(
      () => 'stored',
      (err: unknown) => err,
    );
    // Commit only once the append waits for the meeting row, so that the order is the one under test.
    const waiting = async () =>
      (
        await purger.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      ).rows[0]!.n;
    const deadline = Date.now() + 4000;
    while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await purger.query('COMMIT');
    expect(await outcome).toBeInstanceOf(DocumentGoneError);
    expect(await storage.loadUpdates(`meeting/${meetingId}/board`)).toEqual([]);
  } finally {
    await purger.end();
    await storage.close();
  }
});
