// @vitest-environment node
// The Finnish and the Swedish the product speaks follow docs/glossary-fi.md and docs/glossary-sv.md:
// one term per thing, the en dash. The check covers the UI's catalogues, the methods' texts and the
// summary's labels in each of the two languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInMethods, summaryLabels } from '@vermeboard/shared';
import { messages } from './messages.js';

type GlossaryLocale = 'fi' | 'sv';

/** The glossary table's rows: English, the term, and the refused variants. */
function rows(locale: GlossaryLocale): { en: string; term: string; banned: string[] }[] {
  const glossary = readFileSync(new URL(`../../../docs/glossary-${locale}.md`, import.meta.url), 'utf8');
  return glossary
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, en = '', term = '', not = '']) => ({
      en,
      term,
      banned: not
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/** Every text the product shows in the language: catalogue messages, method texts, summary labels. */
function texts(locale: GlossaryLocale): [string, string][] {
  const all: [string, string][] = Object.entries(messages[locale]);
  for (const method of Object.values(builtInMethods)) {
    all.push([`${method.id}.name`, method.name[locale]], [`${method.id}.description`, method.description[locale]]);
    for (const step of method.steps) {
      for (const field of ['title', 'instructions', 'facilitatorNotes'] as const) {
        all.push([`${method.id}.${step.id}.${field}`, step[field][locale]]);
      }
      for (const item of [...(step.layout?.frames ?? []), ...(step.layout?.notes ?? [])]) {
        all.push([`${method.id}.${step.id}.${item.id}`, 'label' in item ? item.label[locale] : item.text[locale]]);
      }
    }
  }
  for (const [key, value] of Object.entries(summaryLabels[locale])) {
    const text = typeof value === 'function' ? (value as (x: never) => string)('Ryhmä' as never) : value;
    all.push([`summary.${key}`, typeof text === 'string' ? text : JSON.stringify(text)]);
  }
  return all;
}

describe.each([
  ['Finnish', 'fi', 'case owner', 'tapauksen tuoja'],
  ['Swedish', 'sv', 'case owner', 'fallägare'],
] as const)('the %s glossary', (_language, locale, sampleEn, sampleTerm) => {
  it('is a table with a term for every English one', () => {
    const table = rows(locale);
    expect(table.length).toBeGreaterThan(10);
    for (const row of table) expect(row.term, row.en).not.toBe('');
    expect(table.find((r) => r.en === sampleEn)?.term).toBe(sampleTerm);
  });

  it('is followed: no refused variant anywhere in what the product shows', () => {
    const banned = rows(locale).flatMap((r) => r.banned.map((b) => ({ term: r.en, b })));
    const found: string[] = [];
    for (const [key, text] of texts(locale)) {
      for (const { term, b } of banned) {
        if (new RegExp(`(^|[^\\p{L}])${b}`, 'iu').test(text)) found.push(`${key}: "${b}" (say the glossary's ${term})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('uses the en dash, never the spaced em dash', () => {
    const found = texts(locale).filter(([, text]) => text.includes(' — '));
    expect(found.map(([key]) => key)).toEqual([]);
  });
});

describe('the Swedish glossary’s terms', () => {
  it('are the ones the product uses for its key things', () => {
    const sv = messages.sv;
    expect(sv['facilitation.vote.heading']).toBe('Punktröstning');
    expect(sv['facilitation.round.heading']).toBe('Runda');
    expect(sv['group.rules.title']).toBe('Spelregler');
    expect(sv['summary.actionItems']).toBe('Överenskomna uppgifter');
    expect(sv['summary.title']).toContain('träffen');
    expect(builtInMethods['check-in-round']!.name.sv).toBe('Incheckningsrunda');
    expect(sv['debrief.title']).toBe('Återblick');
    expect(sv['debrief.coaches.title']).toBe('Coachen');
    expect(sv['debrief.notes']).toBe('Coachanteckningar');
  });
});
