// @vitest-environment node
// These tests need no DOM; the node environment keeps them fast and independent of jsdom.
import { describe, expect, it } from 'vitest';
import { detectLocale, translate } from './I18nProvider.js';
import { localeNames, locales, messages, type MessageKey } from './messages.js';

describe('detectLocale', () => {
  it('prefers a remembered choice', () => {
    expect(detectLocale('fi', ['en-US'])).toBe('fi');
    expect(detectLocale('en', ['fi-FI'])).toBe('en');
  });

  it('ignores a remembered value it does not know', () => {
    expect(detectLocale('de', ['fi-FI'])).toBe('fi');
    expect(detectLocale('', ['fi'])).toBe('fi');
  });

  it('takes the first supported browser language, by its base language', () => {
    expect(detectLocale(null, ['fi-FI', 'en-US'])).toBe('fi');
    expect(detectLocale(null, ['de-DE', 'FI', 'en'])).toBe('fi');
    expect(detectLocale(null, ['en-GB', 'fi'])).toBe('en');
  });

  it('picks Swedish for a Swedish browser, from Finland or from Sweden, and remembers it', () => {
    expect(detectLocale(null, ['sv-FI', 'fi-FI'])).toBe('sv');
    expect(detectLocale(null, ['sv-SE', 'de'])).toBe('sv');
    expect(detectLocale(null, ['de-DE', 'sv'])).toBe('sv');
    expect(detectLocale('sv', ['fi-FI'])).toBe('sv');
    expect(detectLocale('fi', ['sv-FI'])).toBe('fi');
  });

  it('falls back to English', () => {
    expect(detectLocale(null, [])).toBe('en');
    expect(detectLocale(null, ['nb-NO', 'de'])).toBe('en');
  });
});

describe('translate', () => {
  it('returns the string in the chosen language', () => {
    expect(translate('en', 'app.create.title')).toBe('Create a group');
    expect(translate('fi', 'app.create.title')).toBe('Luo ryhmä');
    expect(translate('fi', 'app.group.startMeeting')).toBe('Aloita tapaaminen');
    expect(translate('fi', 'app.group.copy.member')).toBe('Kopioi jäsenlinkki');
    expect(translate('fi', 'app.join.yourName')).toBe('Nimesi');
    expect(translate('sv', 'app.create.title')).toBe('Skapa en grupp');
    expect(translate('sv', 'app.group.startMeeting')).toBe('Starta en träff');
    expect(translate('sv', 'app.join.yourName')).toBe('Ditt namn');
  });

  it('picks the plural form with Intl.PluralRules, so one vote is “1 ääni”', () => {
    expect(translate('fi', 'facilitation.vote.count', { n: 1 })).toBe('1 ääni');
    expect(translate('fi', 'facilitation.vote.count', { n: 3 })).toBe('3 ääntä');
    expect(translate('en', 'facilitation.vote.count', { n: 1 })).toBe('1 vote');
    expect(translate('en', 'facilitation.vote.count', { n: 0 })).toBe('0 votes');
    expect(translate('en', 'facilitation.vote.turnout', { voted: 1, total: 4 })).toBe('1 of 4 has voted');
    expect(translate('en', 'facilitation.vote.turnout', { voted: 3, total: 4 })).toBe('3 of 4 have voted');
    expect(translate('fi', 'facilitation.vote.results', { voters: 1 })).toBe('Äänestyksen tulos: 1 henkilö äänesti');
  });

  it('picks Swedish plural forms: “1 röst”, “3 röster”, “1 dag”', () => {
    expect(translate('sv', 'facilitation.vote.count', { n: 1 })).toBe('1 röst');
    expect(translate('sv', 'facilitation.vote.count', { n: 3 })).toBe('3 röster');
    expect(translate('sv', 'facilitation.vote.count', { n: 0 })).toBe('0 röster');
    expect(translate('sv', 'facilitation.vote.results', { voters: 1 })).toBe('Röstningsresultat: 1 person röstade');
    expect(translate('sv', 'facilitation.vote.results', { voters: 4 })).toBe('Röstningsresultat: 4 personer röstade');
    expect(translate('sv', 'facilitation.vote.turnout', { voted: 1, total: 4 })).toBe('1 av 4 har röstat');
    expect(translate('sv', 'summary.voteCount', { count: 2 })).toBe('2 röster');
    expect(translate('sv', 'group.retention.on', { days: 1 })).toBe(
      'Tavlor och privata lappar raderas 1 dag efter att en träff har avslutats.',
    );
    expect(translate('sv', 'group.retention.on', { days: 30 })).toContain('raderas 30 dagar efter');
  });

  it('leaves no plural pattern unresolved in any language, for one and for many', () => {
    for (const locale of locales) {
      for (const [key, template] of Object.entries(messages[locale])) {
        if (!template.includes(', plural,')) continue;
        const names = [...template.matchAll(/\{(\w+)/g)].map((m) => m[1]!);
        for (const n of [1, 2, 5]) {
          const params = Object.fromEntries(names.map((name) => [name, n]));
          expect(translate(locale, key as MessageKey, params), `${locale} ${key} ${n}`).not.toMatch(/plural|[{}#]/);
        }
      }
    }
  });

  it('fills placeholders, repeatedly and with numbers', () => {
    expect(translate('en', 'app.group.youAre', { name: 'Aino' })).toBe('You are Aino');
    expect(translate('fi', 'app.field.groupName', { max: 120 })).toBe(
      'Anna ryhmälle nimi, jossa on enintään 120 merkkiä.',
    );
  });

  it('leaves a placeholder without a value visible rather than dropping it', () => {
    expect(translate('en', 'app.group.youAre')).toBe('You are {name}');
    expect(translate('en', 'app.group.youAre', { other: 'x' })).toBe('You are {name}');
  });

  it('does not interpret replacement patterns in values', () => {
    expect(translate('en', 'app.group.youAre', { name: "$& $1 $'" })).toBe("You are $& $1 $'");
  });
});

describe('message catalogues', () => {
  it('have exactly the same keys in every language', () => {
    const english = Object.keys(messages.en).sort();
    for (const locale of locales) {
      expect(Object.keys(messages[locale]).sort()).toEqual(english);
    }
  });

  it('have no empty strings, and the same placeholders in every language', () => {
    // Finnish inflects names: `{nameTo}` (allative) and `{nameFrom}` (ablative) are case forms of
    // `{name}` that the caller supplies beside it (facilitation/cueText.ts), so they count as `{name}`.
    // A plural's number (`{n, plural, …}`) counts as a placeholder too.
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!.replace(/(To|From)$/, '')))].sort();
    for (const locale of locales) {
      for (const [key, value] of Object.entries(messages[locale])) {
        expect(value.trim(), `${locale} ${key}`).not.toBe('');
        const english = (messages.en as Record<string, string>)[key]!;
        expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('names every language in the switcher, Swedish as Svenska', () => {
    expect(Object.keys(localeNames).sort()).toEqual([...locales].sort());
    expect(localeNames.sv).toBe('Svenska');
  });

  it('have Swedish that is not just the English, apart from names and symbols', () => {
    // Words that are the same in both languages (the glossary's "facilitator"), or names, may coincide.
    const same = Object.entries(messages.sv).filter(
      ([key, value]) =>
        value === (messages.en as Record<string, string>)[key] && /\p{L}{4}/u.test(value.replace(/\{\w+\}/g, '')),
    );
    expect(same.map(([key]) => key).sort()).toEqual(
      [
        'app.name',
        'app.role.facilitator',
        'board.people.role.facilitator',
        'board.region',
        'facilitation.panel.heading',
        'outline.kind.text.one',
        'program.group.title',
        'program.title',
        'summary.facilitator',
        'summary.role.facilitator',
      ].sort(),
    );
  });
});
