// @vitest-environment node
// The Finnish the product speaks follows docs/glossary-fi.md: one term per thing, the en dash. The
// check covers the UI's catalogues, the methods' Finnish texts and the summary's Finnish labels.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInMethods, summaryLabels } from '@vermeboard/shared';
import { messages } from './messages.js';

const glossary = readFileSync(new URL('../../../docs/glossary-fi.md', import.meta.url), 'utf8');

/** The glossary table's rows: English, the Finnish term, and the refused variants. */
function rows(): { en: string; fi: string; banned: string[] }[] {
  return glossary
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, en = '', fi = '', not = '']) => ({
      en,
      fi,
      banned: not
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/** Every Finnish text the product shows: catalogue messages, method texts, summary labels. */
function finnishTexts(): [string, string][] {
  const texts: [string, string][] = Object.entries(messages.fi);
  for (const method of Object.values(builtInMethods)) {
    texts.push([`${method.id}.name`, method.name.fi], [`${method.id}.description`, method.description.fi]);
    for (const step of method.steps) {
      for (const field of ['title', 'instructions', 'facilitatorNotes'] as const) {
        texts.push([`${method.id}.${step.id}.${field}`, step[field].fi]);
      }
      for (const item of [...(step.layout?.frames ?? []), ...(step.layout?.notes ?? [])]) {
        texts.push([`${method.id}.${step.id}.${item.id}`, 'label' in item ? item.label.fi : item.text.fi]);
      }
    }
  }
  for (const [key, value] of Object.entries(summaryLabels.fi)) {
    const text = typeof value === 'function' ? (value as (x: never) => string)('Ryhmä' as never) : value;
    texts.push([`summary.${key}`, typeof text === 'string' ? text : JSON.stringify(text)]);
  }
  return texts;
}

describe('the Finnish glossary', () => {
  it('is a table with a Finnish term for every English one', () => {
    const table = rows();
    expect(table.length).toBeGreaterThan(10);
    for (const row of table) expect(row.fi, row.en).not.toBe('');
    expect(table.find((r) => r.en === 'case owner')?.fi).toBe('tapauksen tuoja');
  });

  it('is followed: no refused variant anywhere in the Finnish the product shows', () => {
    const banned = rows().flatMap((r) => r.banned.map((b) => ({ term: r.en, b })));
    const found: string[] = [];
    for (const [key, text] of finnishTexts()) {
      for (const { term, b } of banned) {
        if (new RegExp(`(^|[^\\p{L}])${b}`, 'iu').test(text)) found.push(`${key}: "${b}" (say the glossary's ${term})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('uses the en dash, never the spaced em dash', () => {
    const found = finnishTexts().filter(([, text]) => text.includes(' — '));
    expect(found.map(([key]) => key)).toEqual([]);
  });
});
