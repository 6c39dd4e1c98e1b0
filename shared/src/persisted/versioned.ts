// Persisted data evolves, never resets. A persisted type is declared once as `versioned({ name,
// schema, migrations })`: its current schema (whose `version` is the number of migrations plus one)
// and the ordered migrations that bring an older stored value up to date. Reading parses unknown
// data, migrates it, then validates it; what cannot be read comes back as `unreadable` with the
// reason, so that the caller keeps it as it is (quarantine) instead of replacing it.
import type { z } from 'zod';

/** Raw stored JSON, as a migration receives it: nothing is trusted until the final validation. */
export type StoredObject = Record<string, unknown>;

/** Brings a value from version `n` to `n + 1` (the helper sets `version`). */
export interface Migration {
  /** What changed, for whoever reads the list. */
  change: string;
  up(value: StoredObject): StoredObject;
}

export type ReadResult<T> =
  | { ok: true; value: T; /** The stored version, when it was older than today's. */ migratedFrom: number | null }
  | {
      ok: false;
      reason: string;
      /** Every problem with where it is (`steps.0.title.fi`); the root is the empty path. */
      issues: ReadIssue[];
    };

export interface ReadIssue {
  path: string;
  message: string;
}

export interface VersionedType<T extends { version: number }> {
  name: string;
  /** Today's version: what every value is written with. */
  version: number;
  /** Parse, migrate and validate a stored value. */
  read(stored: unknown): ReadResult<T>;
}

function fail(reason: string, path: string, message: string): ReadResult<never> {
  return { ok: false, reason, issues: [{ path, message }] };
}

export function versioned<T extends { version: number }>(def: {
  name: string;
  /** Today's schema; its `version` must be `migrations.length + 1`. */
  schema: z.ZodType<T>;
  migrations: readonly Migration[];
}): VersionedType<T> {
  const version = def.migrations.length + 1;
  return {
    name: def.name,
    version,
    read(stored) {
      if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
        return fail(`${def.name}: not an object`, '', 'must be an object');
      }
      const from = (stored as StoredObject).version;
      if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
        return fail(`${def.name}: no version`, 'version', 'must be a whole number from 1');
      }
      if (from > version) {
        const reason = `written as version ${from}, newer than this server's ${version}`;
        return fail(`${def.name}: ${reason}`, 'version', reason);
      }
      let value = stored as StoredObject;
      try {
        for (let v = from; v < version; v++) value = { ...def.migrations[v - 1]!.up(value), version: v + 1 };
      } catch (err) {
        return fail(`${def.name}: migration from version ${from} failed: ${String(err)}`, '', 'could not be migrated');
      }
      const parsed = def.schema.safeParse(value);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const summary = issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${i.message}`);
        return { ok: false, reason: `${def.name} version ${from}: ${summary.join('; ')}`, issues };
      }
      return { ok: true, value: parsed.data, migratedFrom: from < version ? from : null };
    },
  };
}
