// @vitest-environment node
// The indicator and the people list rendered to markup: what a screen reader and an end-to-end
// test find (roles, accessible names, data-status), in both languages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { messages } from '../i18n/messages.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { PeopleList } from './PeopleList.js';
import tldrawSwedish from '@tldraw/assets/translations/sv.json' with { type: 'json' };
import { tldrawTranslationOverrides } from './tldrawTranslations.js';

function render(node: ReactNode, locale: 'en' | 'fi' = 'en'): string {
  vi.stubGlobal('localStorage', { getItem: () => locale, setItem: () => {} });
  return renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>);
}

afterEach(() => vi.unstubAllGlobals());

describe('ConnectionIndicator', () => {
  it('is a named status that exposes its state', () => {
    const html = render(<ConnectionIndicator status="live" />);
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-label="Connection: Live"');
    expect(html).toContain('data-status="live"');
  });

  it('speaks Finnish', () => {
    expect(render(<ConnectionIndicator status="offline" />, 'fi')).toContain('aria-label="Yhteys: Ei yhteyttä"');
    expect(render(<ConnectionIndicator status="connecting" />, 'fi')).toContain('Yhdistetään…');
    expect(render(<ConnectionIndicator status="read-only" />, 'fi')).toContain('Vain luku');
  });
});

describe('PeopleList', () => {
  const people = [
    { id: 'alice-0001', name: 'Alice', color: '#c62828', role: 'facilitator' as const, isSelf: true },
    { id: 'bob-000001', name: 'Bob <b>', color: '#1565c0', role: 'observer' as const, isSelf: false },
    { id: 'cat-000001', name: '', color: '#2e7d32', role: 'member' as const, isSelf: false },
  ];

  it('is a named list of people with their colours', () => {
    const html = render(<PeopleList people={people} />);
    // The list is named by its visible heading.
    const headingId = /<h2 id="([^"]+)"[^>]*>People here<\/h2>/.exec(html)?.[1];
    expect(html).toContain(`<ul class="vb-people__list" aria-labelledby="${headingId}">`);
    expect(html.match(/<li/g)).toHaveLength(3);
    expect(html).toContain('Alice (you)');
    expect(html).toContain('Bob &lt;b&gt;');
    expect(html).toContain('observer');
    expect(html).toContain('Unnamed');
    expect(html).toContain('background-color:#c62828');
  });

  it('speaks Finnish', () => {
    const html = render(<PeopleList people={people} />, 'fi');
    expect(html).toContain('Alice (sinä)');
    expect(html).toContain('tarkkailija');
    expect(html).toContain('>Paikalla</h2>');
  });
});

describe('board messages', () => {
  it('has every English key in Finnish and Swedish too, none left empty', () => {
    const boardKeys = Object.keys(messages.en).filter((key) => key.startsWith('board.'));
    for (const key of boardKeys) {
      expect(messages.fi[key as keyof typeof messages.fi]?.trim(), key).toBeTruthy();
      expect(messages.sv[key as keyof typeof messages.sv]?.trim(), key).toBeTruthy();
    }
  });

  it('words tldraw’s asset refusals in both languages', () => {
    const overrides = tldrawTranslationOverrides();
    expect(overrides.en?.['assets.files.size-too-big']).toBe('The file is too large');
    expect(overrides.fi?.['assets.files.size-too-big']).toBe('Tiedosto on liian suuri');
    expect(overrides.fi?.['assets.files.maximum-size']).toContain('{size}');
  });

  it('mends tldraw’s Finnish where it is wrong', () => {
    const overrides = tldrawTranslationOverrides();
    expect(overrides.fi?.['action.open-cursor-chat']).toBe('Kohdistinviesti');
    expect(overrides.fi?.['context-menu.edit']).toBe('Muokkaa');
    expect(overrides.fi?.['context-menu.export-all-as']).toBe('Vie kaikki muodossa');
    expect(overrides.fi?.['tool.highlight']).toBe('Korostuskynä');
  });

  it('mends tldraw’s Swedish where it is wrong, in the glossary’s words', () => {
    const overrides = tldrawTranslationOverrides();
    expect(overrides.sv?.['tool.note']).toBe('Lapp');
    expect(overrides.sv?.['tool.highlight']).toBe('Överstrykningspenna');
    expect(overrides.sv?.['tool.rich-text-bold']).toBe('Fetstil');
    expect(overrides.sv?.['a11y.skip-to-main-content']).toBe('Flytta fokus till tavlan');
    expect(overrides.sv?.['assets.files.size-too-big']).toBe('Filen är för stor');
    // English keeps tldraw's own words.
    expect(overrides.en?.['tool.note']).toBe('Note');
  });

  it('overrides only keys tldraw knows, so a renamed key cannot silently stop mending', () => {
    const overrides = tldrawTranslationOverrides();
    for (const key of Object.keys(overrides.sv ?? {})) expect(tldrawSwedish, key).toHaveProperty([key]);
  });
});
