// Swedish became the third UI language after methods and summaries had been stored with texts in
// English and Finnish only. This migration gives every such text a Swedish entry, copied from the
// English one: an old summary then still reads in Swedish (with the English names it was written
// with), and nothing stored is dropped. Today's built-in methods have their own Swedish.
import type { Migration, StoredObject } from './versioned.js';

/** `{ en, fi }` with both strings and nothing else: the shape of a localized text before Swedish. */
function isEnFiText(value: StoredObject): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.en === 'string' && typeof value.fi === 'string';
}

function withSwedish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSwedish);
  if (typeof value !== 'object' || value === null) return value;
  const object = value as StoredObject;
  if (isEnFiText(object)) return { ...object, sv: object.en };
  return Object.fromEntries(Object.entries(object).map(([key, v]) => [key, withSwedish(v)]));
}

export const addSwedishFromEnglish: Migration = {
  change: '2: every localized text has a Swedish entry, copied from the English one in stored data',
  up: (value) => withSwedish(value) as StoredObject,
};
