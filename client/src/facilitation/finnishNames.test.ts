// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { inflectName } from './finnishNames.js';

describe('inflectName', () => {
  it.each([
    ['Anna', 'allative', 'Annalle'],
    ['Anna', 'ablative', 'Annalta'],
    ['Mikael', 'allative', 'Mikaelille'],
    ['Mikael', 'ablative', 'Mikaelilta'],
    ['Väinö', 'ablative', 'Väinöltä'],
    ['Anna Virtanen', 'allative', 'Anna Virtaselle'],
    ['Pekka Nieminen', 'ablative', 'Pekka Niemiseltä'],
  ] as const)('%s in the %s is %s', (name, grammaticalCase, expected) => {
    expect(inflectName(name, grammaticalCase)).toBe(expected);
  });

  it('gives up on names no rule fits', () => {
    expect(inflectName('R2', 'allative')).toBeNull();
    expect(inflectName('Лена', 'allative')).toBeNull();
  });
});
