// Every persisted type reads every version it was ever stored in: a fixture per past version, each
// read through the type's own format (migrations, then today's validator).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methodFormat } from '../facilitation/method.js';
import { checkInRound } from '../facilitation/methods/index.js';
import { sessionFormat, sessionVersion } from '../facilitation/session.js';
import { meetingSummaryFormat } from '../summary/meetingSummary.js';
import { versioned } from './versioned.js';

import method1 from './fixtures/method.v1.json' with { type: 'json' };
import summary1 from './fixtures/meetingSummary.v1.json' with { type: 'json' };
import session1 from './fixtures/session.v1.json' with { type: 'json' };
import session1BeforeStepLog from './fixtures/session.v1-before-step-log.json' with { type: 'json' };

const fixtures: Record<string, unknown> = {
  'session.v1': session1,
  'session.v1-before-step-log': session1BeforeStepLog,
  'meetingSummary.v1': summary1,
  'method.v1': method1,
};
/** A deep copy, so no test sees another's changes. */
const fixture = (name: string): unknown => JSON.parse(JSON.stringify(fixtures[name])) as unknown;

function readOrThrow<T extends { version: number }>(
  format: { read(v: unknown): { ok: true; value: T } | { ok: false; reason: string } },
  stored: unknown,
): T {
  const read = format.read(stored);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

describe('stored sessions', () => {
  it('reads version 1 as today’s version, keeping everything it held', () => {
    const stored = fixture('session.v1') as Record<string, unknown>;
    const read = sessionFormat.read(stored);
    expect(read).toMatchObject({ ok: true, migratedFrom: 1 });
    expect(readOrThrow(sessionFormat, stored)).toEqual({ ...stored, version: sessionVersion });
  });

  it('gives a version 1 session from before the step log an empty one', () => {
    const stored = fixture('session.v1-before-step-log') as Record<string, unknown>;
    expect(readOrThrow(sessionFormat, stored)).toEqual({ ...stored, version: sessionVersion, stepLog: [] });
  });

  it('reads today’s version unchanged', () => {
    const today = readOrThrow(sessionFormat, fixture('session.v1'));
    expect(sessionFormat.read(today)).toEqual({ ok: true, value: today, migratedFrom: null });
  });
});

describe('stored summaries and methods', () => {
  it('reads a version 1 meeting summary', () => {
    const stored = fixture('meetingSummary.v1');
    expect(readOrThrow(meetingSummaryFormat, stored)).toEqual(stored);
  });

  it('reads a version 1 method definition, and the built-ins are written in today’s', () => {
    // A method as version 1 stored it (the check-in round of that time): read as it was written,
    // whatever the built-in method says today.
    const stored = fixture('method.v1');
    const read = readOrThrow(methodFormat, stored);
    expect(read).toEqual(stored);
    expect(read.id).toBe(checkInRound.id);
    expect(checkInRound.version).toBe(methodFormat.version);
  });
});

describe('what cannot be read', () => {
  const format = versioned({
    name: 'thing',
    schema: z.strictObject({ version: z.literal(3), size: z.number() }),
    migrations: [
      { change: '2: size in metres', up: (v) => ({ ...v, size: Number(v.centimetres) / 100, centimetres: undefined }) },
      {
        change: '3: no more nulls',
        up: (v) => {
          if (v.size === null) throw new Error('size is null');
          const { centimetres: _, ...rest } = v;
          return rest;
        },
      },
    ],
  });

  it('applies every migration in order from the stored version', () => {
    expect(format.read({ version: 1, centimetres: 250 })).toEqual({
      ok: true,
      value: { version: 3, size: 2.5 },
      migratedFrom: 1,
    });
    expect(format.read({ version: 2, size: 4 })).toEqual({ ok: true, value: { version: 3, size: 4 }, migratedFrom: 2 });
  });

  it('says why, and never guesses', () => {
    const reason = (v: unknown) => {
      const read = format.read(v);
      return read.ok ? null : read.reason;
    };
    expect(reason('text')).toBe('thing: not an object');
    expect(reason({ size: 1 })).toBe('thing: no version');
    expect(reason({ version: 4, size: 1 })).toBe("thing: written as version 4, newer than this server's 3");
    expect(reason({ version: 2, size: null })).toMatch(/^thing: migration from version 2 failed/);
    expect(reason({ version: 3, size: 'big' })).toMatch(/^thing version 3: size:/);
  });
});
