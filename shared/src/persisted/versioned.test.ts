// Every persisted type reads every version it was ever stored in: a fixture per past version, each
// read through the type's own format (migrations, then today's validator).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methodFormat, type Method } from '../facilitation/method.js';
import { checkInRound } from '../facilitation/methods/index.js';
import { sessionFormat, sessionVersion } from '../facilitation/session.js';
import { meetingSummaryFormat, type MeetingSummary } from '../summary/meetingSummary.js';
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
  it('reads a version 1 meeting summary, its names given Swedish copied from the English', () => {
    const stored = fixture('meetingSummary.v1') as MeetingSummary;
    const read = readOrThrow(meetingSummaryFormat, stored);
    expect(read).toEqual(withSwedishFromEnglish(stored, meetingSummaryFormat.version));
    expect(read.agenda[0]!.name).toEqual({ en: 'Problem clinic', fi: 'Ongelmaklinikka', sv: 'Problem clinic' });
    expect(read.cases[0]!.methodName.sv).toBe(read.cases[0]!.methodName.en);
    // Today's version reads unchanged: the Swedish is not overwritten once it is there.
    const swedish = {
      ...read,
      agenda: [{ ...read.agenda[0]!, name: { ...read.agenda[0]!.name, sv: 'Problemklinik' } }],
    };
    expect(meetingSummaryFormat.read(swedish)).toEqual({ ok: true, value: swedish, migratedFrom: null });
  });

  it('reads a version 1 method definition, and the built-ins are written in today’s', () => {
    // A method as version 1 stored it (the check-in round of that time): read as it was written,
    // whatever the built-in method says today, with English standing in for the Swedish it lacked.
    const stored = fixture('method.v1') as Method;
    const read = readOrThrow(methodFormat, stored);
    expect(read).toEqual(withSwedishFromEnglish(stored, methodFormat.version));
    expect(read.name).toEqual({ ...stored.name, sv: stored.name.en });
    expect(read.steps[0]!.layout!.frames[0]!.label.sv).toBe(stored.steps[0]!.layout!.frames[0]!.label.en);
    expect(read.id).toBe(checkInRound.id);
    expect(checkInRound.version).toBe(methodFormat.version);
    expect(checkInRound.name.sv).toBe('Incheckningsrunda');
  });

  it('refuses a version 2 text without its Swedish: the copy is for old data only', () => {
    const stored = fixture('method.v1') as Method;
    const read = methodFormat.read({ ...stored, version: 2 });
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toMatch(/name\.sv/);
  });
});

/**
 * What the Swedish migration should make of a stored value, written out independently of it: every
 * `{ en, fi }` text anywhere gains `sv` equal to `en`, and nothing else changes.
 */
function withSwedishFromEnglish<T>(stored: T, version: number): T {
  const json = JSON.stringify(stored, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && 'en' in value && 'fi' in value
      ? { ...value, sv: (value as { en: string }).en }
      : value,
  );
  return { ...(JSON.parse(json) as T), version };
}

describe('the format versions', () => {
  it('are 2 for methods and summaries since Swedish, and a session holds no localized text', () => {
    expect(methodFormat.version).toBe(2);
    expect(meetingSummaryFormat.version).toBe(2);
    expect(JSON.stringify(fixture('session.v1'))).not.toMatch(/"fi":/);
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
