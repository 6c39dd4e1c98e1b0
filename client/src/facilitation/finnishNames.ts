// Finnish puts a name in a case where English uses a preposition: "ideoita Annalle" (for Anna),
// "kysy Annalta" (ask Anna). These cover the regular patterns of given names and common surnames;
// anything else (a name ending in a digit, an emoji, a non-Latin script) keeps its plain form in
// parentheses, which reads as a label rather than as broken grammar.
const latinEnding = /[a-zåäöéü]$/i;
const vowelEnding = /[aeiouyåäöéü]$/i;
const backVowel = /[aou]/i;

export type FinnishCase = 'allative' | 'ablative';

/** `name` in the allative (-lle, "to/for") or ablative (-lta/-ltä, "from"); null when no rule fits. */
export function inflectName(name: string, grammaticalCase: FinnishCase): string | null {
  const trimmed = name.trim();
  if (!latinEnding.test(trimmed)) return null;
  // The case ending attaches to the last word: "Anna Virtanen" → "Anna Virtaselle".
  const stem = trimmed.endsWith('nen') ? `${trimmed.slice(0, -3)}se` : trimmed;
  const linked = vowelEnding.test(stem) ? stem : `${stem}i`;
  const lastWord = stem.split(/\s+/).pop() ?? stem;
  const suffix = grammaticalCase === 'allative' ? 'lle' : backVowel.test(lastWord) ? 'lta' : 'ltä';
  return `${linked}${suffix}`;
}
