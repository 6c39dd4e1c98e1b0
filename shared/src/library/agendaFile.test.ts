// The agenda file written and read back, and every kind of file the reader must refuse: each
// refusal names where the problem is, and nothing of a refused file is returned.
import { describe, expect, it } from 'vitest';
import { defineMethod, type Method } from '../facilitation/method.js';
import { checkInRound } from '../facilitation/methods/index.js';
import { agendaFileFormat, agendaFileIssues, agendaFileMarker, readAgendaFile, writeAgendaFile } from './agendaFile.js';
import { agendaFormat, libraryLimits, type LibraryAgenda } from './library.js';

const text = (en: string) => ({ en, fi: `${en} fi`, sv: `${en} sv` });
function ownMethod(id: string): Method {
  return defineMethod({
    id,
    name: text(`Method ${id}`),
    description: text('A walk'),
    steps: [
      {
        id: 's-1',
        title: text('Walk'),
        instructions: text('Do it'),
        facilitatorNotes: text('Watch it'),
        timeboxSeconds: 60,
        speakingMode: 'open',
      },
    ],
  });
}

const pier = ownMethod('pier-talk');
const dock = ownMethod('dock-talk');
const agenda: LibraryAgenda = {
  version: agendaFormat.version,
  id: 'harbour-day',
  name: text('Harbour day'),
  methodIds: [checkInRound.id, 'pier-talk', 'dock-talk', 'pier-talk'],
};

/** The text an export downloads. */
function exported(): string {
  const written = writeAgendaFile(agenda, [dock, pier, ownMethod('unused-talk')]);
  if (!written.ok) throw new Error(JSON.stringify(written.issues));
  return JSON.stringify(written.file, null, 2);
}

/** The exported file, changed by `edit`, as text. */
function edited(edit: (file: Record<string, unknown> & { methods: Record<string, unknown>[] }) => void): string {
  const file = JSON.parse(exported()) as Record<string, unknown> & { methods: Record<string, unknown>[] };
  edit(file);
  return JSON.stringify(file);
}

describe('an agenda file', () => {
  it('carries its marker, its version and the own methods it uses, once each and in order', () => {
    const file = JSON.parse(exported()) as Record<string, unknown>;
    expect(file.format).toBe(agendaFileMarker);
    expect(file.version).toBe(agendaFileFormat.version);
    expect(file.agenda).toEqual(agenda);
    // The built-in travels by id only; the method the agenda does not use stays home.
    expect((file.methods as Method[]).map((m) => m.id)).toEqual(['pier-talk', 'dock-talk']);
  });

  it('reads back as it was written', () => {
    expect(readAgendaFile(exported())).toEqual({
      ok: true,
      file: { format: agendaFileMarker, version: agendaFileFormat.version, agenda, methods: [pier, dock] },
    });
  });

  it('is not written when the agenda names a method the studio no longer has', () => {
    expect(writeAgendaFile(agenda, [pier])).toEqual({
      ok: false,
      issues: [{ path: 'methodIds.2', message: agendaFileIssues.missingMethod }],
    });
  });

  it('migrates a method written before Swedish, as a method file would be', () => {
    const read = readAgendaFile(
      edited((file) => {
        const { sv: _sv, ...name } = text('Old');
        file.methods[0] = { ...file.methods[0], version: 1, name };
      }),
    );
    expect(read.ok && read.file.methods[0]!.name).toEqual({ ...text('Old'), sv: 'Old' });
  });
});

describe('an agenda file that is refused', () => {
  const refusals: [string, string, { path: string; message: string }[]][] = [
    ['too long', ' '.repeat(libraryLimits.agendaFileChars + 1), [{ path: '', message: agendaFileIssues.tooLarge }]],
    ['truncated JSON', exported().slice(0, 200), [{ path: '', message: agendaFileIssues.notJson }]],
    ['empty', '', [{ path: '', message: agendaFileIssues.notJson }]],
    ['not an object', '[1, 2]', [{ path: '', message: agendaFileIssues.notAgendaFile }]],
    ['a method file', JSON.stringify(pier), [{ path: '', message: agendaFileIssues.methodFile }]],
    [
      'without its marker',
      edited((file) => delete file.format),
      [{ path: 'format', message: agendaFileIssues.notAgendaFile }],
    ],
    [
      'another marker',
      edited((file) => (file.format = 'vermeboard-method')),
      [{ path: 'format', message: agendaFileIssues.notAgendaFile }],
    ],
    [
      'from a newer version',
      edited((file) => (file.version = 2)),
      [{ path: 'version', message: "written as version 2, newer than this server's 1" }],
    ],
    [
      'without a version',
      edited((file) => delete file.version),
      [{ path: 'version', message: 'must be a whole number from 1' }],
    ],
    [
      'with a key it does not know',
      edited((file) => (file.owner = 'someone')),
      [{ path: '', message: 'Unrecognized key: "owner"' }],
    ],
    [
      'with an agenda missing a translation',
      edited((file) => ((file.agenda as LibraryAgenda).name.fi = ' ')),
      [{ path: 'agenda.name.fi', message: 'must not be blank' }],
    ],
    [
      'with a method that has problems',
      edited((file) => (file.methods[1]!.steps = [])),
      [{ path: 'methods.1.steps', message: expect.any(String) as string }],
    ],
    [
      'with a built-in’s definition among its methods',
      edited((file) => file.methods.push(JSON.parse(JSON.stringify(checkInRound)) as Record<string, unknown>)),
      [{ path: 'methods.2.id', message: 'a built-in method has this id; copy it under another id' }],
    ],
    [
      'with a method twice',
      edited((file) => file.methods.push(file.methods[0]!)),
      [{ path: 'methods.2.id', message: agendaFileIssues.repeatedMethod }],
    ],
    [
      'with a method the agenda does not use',
      edited((file) =>
        file.methods.push(JSON.parse(JSON.stringify(ownMethod('unused-talk'))) as Record<string, unknown>),
      ),
      [{ path: 'methods.2', message: agendaFileIssues.unusedMethod }],
    ],
    [
      'without a method its agenda uses',
      edited((file) => file.methods.pop()),
      [{ path: 'agenda.methodIds.2', message: agendaFileIssues.unknownMethod }],
    ],
    [
      'with more methods than an agenda has items',
      edited((file) => (file.methods = Array.from({ length: 25 }, () => file.methods[0]!))),
      [{ path: 'methods', message: expect.stringContaining('24') as string }],
    ],
  ];

  it.each(refusals)('%s', (_what, fileText, issues) => {
    const read = readAgendaFile(fileText);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.issues).toEqual(issues);
  });
});
