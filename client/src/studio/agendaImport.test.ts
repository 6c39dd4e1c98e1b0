// Importing an agenda file against a studio held in memory: what is saved and in which order, a
// method the studio has already, the refusals this studio's own contents cause, and that a save the
// server refuses leaves nothing of the import behind.
import { describe, expect, it } from 'vitest';
import {
  agendaFileIssues,
  agendaFormat,
  builtInMethods,
  defineMethod,
  libraryLimits,
  writeAgendaFile,
  type LibraryAgenda,
  type Method,
  type StudioResponse,
} from '@vermeboard/shared';
import { translate } from '../i18n/I18nProvider.js';
import { agendaImportIssues, importAgendaFile, type AgendaImportCalls } from './agendaImport.js';
import { issueText } from './issueText.js';

const text = (en: string) => ({ en, fi: `${en} fi`, sv: `${en} sv` });
const ownMethod = (id: string, title = 'Walk'): Method =>
  defineMethod({
    id,
    name: text(`Method ${id}`),
    description: text('A walk'),
    steps: [
      {
        id: 's-1',
        title: text(title),
        instructions: text('Do it'),
        facilitatorNotes: text('Watch it'),
        timeboxSeconds: 60,
        speakingMode: 'open',
      },
    ],
  });

const builtIn = Object.keys(builtInMethods)[0]!;
const agenda: LibraryAgenda = {
  version: agendaFormat.version,
  id: 'harbour-day',
  name: text('Harbour day'),
  methodIds: ['pier-talk', builtIn, 'dock-talk'],
};

/** The exported file as the file input hands it over (jsdom's Blob cannot be read). */
function fileOf(methods: Method[]): Pick<Blob, 'size' | 'text'> {
  const written = writeAgendaFile(agenda, methods);
  if (!written.ok) throw new Error('not written');
  const text = JSON.stringify(written.file, null, 2);
  return { size: new TextEncoder().encode(text).length, text: () => Promise.resolve(text) };
}

type Studio = Pick<StudioResponse, 'methods' | 'agendas'>;
const studioWith = (methods: Method[], agendas: LibraryAgenda[] = []): Studio => ({
  methods: methods.map((method) => ({ method, scope: 'own', updatedAt: '2025-01-01T00:00:00Z' })),
  agendas: agendas.map((a) => ({ agenda: a, scope: 'own', updatedAt: '2025-01-01T00:00:00Z' })),
});

/** A server in memory that records each call and refuses the saves `refuse` names. */
function server(refuse: { method?: string; agenda?: boolean } = {}) {
  const calls: string[] = [];
  const api: AgendaImportCalls = {
    saveMethod: async (method) => {
      calls.push(`save ${method.id}`);
      if (refuse.method !== method.id) return { ok: true, saved: { method, scope: 'own', updatedAt: '' } };
      return { ok: false, issues: [{ path: 'id', message: 'another method on this server has this id' }] };
    },
    deleteMethod: async (id) => calls.push(`delete ${id}`),
    saveAgenda: async (saved) => {
      calls.push(`save agenda ${saved.id}`);
      return refuse.agenda ? { ok: false, issues: [{ path: 'id', message: 'taken' }] } : { ok: true };
    },
  };
  return { api, calls };
}

const pier = ownMethod('pier-talk');
const dock = ownMethod('dock-talk');

describe('importing an agenda file', () => {
  it('saves the methods the studio lacks, then the agenda', async () => {
    const { api, calls } = server();
    const answer = await importAgendaFile(fileOf([pier, dock]), studioWith([]), api);
    expect(answer).toEqual({ ok: true, agenda, added: 2 });
    expect(calls).toEqual(['save pier-talk', 'save dock-talk', 'save agenda harbour-day']);
  });

  it('uses a method the studio has with the same definition as it is', async () => {
    const { api, calls } = server();
    // The studio's copy came back from the server: the same definition, parsed again.
    const kept = JSON.parse(JSON.stringify(pier)) as Method;
    const answer = await importAgendaFile(fileOf([pier, dock]), studioWith([kept]), api);
    expect(answer).toEqual({ ok: true, agenda, added: 1 });
    expect(calls).toEqual(['save dock-talk', 'save agenda harbour-day']);
  });

  it('refuses, saving nothing, when the studio has the agenda or another method of that id', async () => {
    const { api, calls } = server();
    const answer = await importAgendaFile(
      fileOf([pier, dock]),
      studioWith([ownMethod('dock-talk', 'Another walk')], [agenda]),
      api,
    );
    expect(answer).toEqual({
      ok: false,
      issues: [
        { path: 'agenda.id', message: agendaImportIssues.agendaTaken },
        { path: 'methods.1.id', message: agendaImportIssues.methodDiffers },
      ],
    });
    expect(calls).toEqual([]);
  });

  it('deletes the methods it added when the server refuses a later save', async () => {
    const refusedMethod = server({ method: 'dock-talk' });
    expect(await importAgendaFile(fileOf([pier, dock]), studioWith([]), refusedMethod.api)).toEqual({
      ok: false,
      issues: [{ path: 'methods.1.id', message: 'another method on this server has this id' }],
    });
    expect(refusedMethod.calls).toEqual(['save pier-talk', 'save dock-talk', 'delete pier-talk']);

    const refusedAgenda = server({ agenda: true });
    expect(await importAgendaFile(fileOf([pier, dock]), studioWith([pier]), refusedAgenda.api)).toEqual({
      ok: false,
      issues: [{ path: 'agenda.id', message: 'taken' }],
    });
    expect(refusedAgenda.calls).toEqual(['save dock-talk', 'save agenda harbour-day', 'delete dock-talk']);
  });

  it('refuses a file too large to be one without reading it', async () => {
    const huge = { size: 3 * libraryLimits.agendaFileChars + 1, text: () => Promise.reject(new Error('read')) };
    const answer = await importAgendaFile(huge, studioWith([]), server().api);
    expect(answer).toEqual({ ok: false, issues: [{ path: '', message: agendaFileIssues.tooLarge }] });
  });

  it('says its refusals in the page’s language', () => {
    const fi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate('fi', key, params);
    expect(issueText(agendaFileIssues.methodFile, fi)).toBe(
      'tämä on menetelmätiedosto eikä asialistatiedosto: tuo se kohdassa Tuo menetelmätiedosto',
    );
    expect(issueText("written as version 3, newer than this server's 1", fi)).toBe(
      'kirjoitettu uudemmalla Vermeboardilla (versio 3; tämä lukee versioon 1 asti)',
    );
    expect(translate('sv', 'studio.agendaFile.done', { name: 'Hamndag', n: 1 })).toBe(
      'Hamndag importerades till ditt eget bibliotek, och 1 metod med den.',
    );
    expect(translate('en', 'studio.agendaFile.done', { name: 'Harbour day', n: 0 })).toBe(
      'Harbour day was imported into your own library.',
    );
  });
});
