// The studio's kept draft read back in jsdom's localStorage: every method a trainer can start from
// comes back as written, and what an older version or a broken write left does not.
import { afterEach, describe, expect, it } from 'vitest';
import { builtInMethods, methodFormat } from '@vermeboard/shared';
import { copyOf, newDraft } from './draftModel.js';
import { keepDraft, keptDraft, type KeptDraft } from './keptDraft.js';

const token = 'Vc-xgjM1HeeXvn_rEspz9A';
const nothingTaken = () => false;

afterEach(() => localStorage.clear());

describe('the kept studio draft', () => {
  it('brings back a new draft and a copy of every built-in method as written', () => {
    const drafts = [newDraft(nothingTaken), ...Object.values(builtInMethods).map((m) => copyOf(m, nothingTaken))];
    for (const draft of drafts) {
      const kept: KeptDraft = { kind: 'method', draft, scope: 'own', savedId: null };
      keepDraft(token, kept);
      expect(keptDraft(token)).toEqual(kept);
    }
  });

  it('brings back an agenda, and forgets what the editor closed', () => {
    const kept: KeptDraft = {
      kind: 'agenda',
      agenda: { version: 1, id: 'my-agenda', name: { en: 'Mine', fi: '', sv: '' }, methodIds: ['check-in-round'] },
      scope: 'program',
      savedId: 'my-agenda',
    };
    keepDraft(token, kept);
    expect(keptDraft(token)).toEqual(kept);
    keepDraft(token, null);
    expect(keptDraft(token)).toBeNull();
  });

  it('keeps one draft per studio link', () => {
    keepDraft(token, { kind: 'method', draft: newDraft(nothingTaken), scope: 'own', savedId: null });
    expect(keptDraft('another-studio-token-xyz')).toBeNull();
  });

  it('ignores a draft of another format version, a cut-short write and a wrong shape', () => {
    const key = `vermeboard.studio.draft.${token.slice(0, 16)}`;
    const draft = newDraft(nothingTaken);
    const older = {
      kind: 'method',
      draft: { ...draft, version: methodFormat.version - 1 },
      scope: 'own',
      savedId: null,
    };
    for (const text of [
      JSON.stringify(older),
      JSON.stringify({ kind: 'method', draft, scope: 'own', savedId: null }).slice(0, 80),
      JSON.stringify({ kind: 'method', draft: { ...draft, steps: [{ id: 'x' }] }, scope: 'own', savedId: null }),
      JSON.stringify({ kind: 'method', draft, scope: 'everyone', savedId: null }),
      '"just a string"',
    ]) {
      localStorage.setItem(key, text);
      expect(keptDraft(token)).toBeNull();
    }
  });
});
