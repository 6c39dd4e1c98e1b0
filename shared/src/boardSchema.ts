// How a board document's recorded tldraw schema compares with a given one (the server's or a
// browser's, both at the pinned tldraw version). Pure JSON, so both sides share it without
// importing tldraw here: a serialised schema is `{schemaVersion: 2, sequences: {id: version}}`
// (or tldraw's pre-2024 version 1 format).
export type SchemaOrder = 'same' | 'older' | 'newer' | 'unreadable';

export interface SerializedSchemaSequences {
  schemaVersion: 2;
  sequences: Record<string, number>;
}

/** Where `theirs` (read from a document) stands relative to `ours`. */
export function compareTldrawSchemas(ours: SerializedSchemaSequences, theirs: unknown): SchemaOrder {
  // A serialisation format after v2 can only come from a newer tldraw.
  if (typeof theirs === 'object' && theirs !== null) {
    const { schemaVersion } = theirs as { schemaVersion?: unknown };
    if (typeof schemaVersion === 'number' && schemaVersion > 2) return 'newer';
  }
  const parsed = parseSerializedSchema(theirs);
  if (!parsed) return 'unreadable';
  // Version 1 is tldraw's pre-2024 format; its migrations upgrade it.
  if (parsed.schemaVersion === 1) return 'older';
  let order: SchemaOrder = 'same';
  for (const [sequenceId, version] of Object.entries(parsed.sequences)) {
    const ourVersion = ours.sequences[sequenceId];
    // A sequence we have never heard of was added by a newer tldraw.
    if (ourVersion === undefined || version > ourVersion) return 'newer';
    if (version < ourVersion) order = 'older';
  }
  for (const sequenceId of Object.keys(ours.sequences)) {
    if (!(sequenceId in parsed.sequences)) order = 'older';
  }
  return order;
}

function parseSerializedSchema(value: unknown): SerializedSchemaSequences | { schemaVersion: 1 } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { schemaVersion } = value as { schemaVersion?: unknown };
  if (schemaVersion === 1) {
    const { storeVersion, recordVersions } = value as { storeVersion?: unknown; recordVersions?: unknown };
    if (typeof storeVersion !== 'number' || typeof recordVersions !== 'object' || recordVersions === null) {
      return null;
    }
    return { schemaVersion: 1 };
  }
  if (schemaVersion !== 2) return null;
  const { sequences } = value as { sequences?: unknown };
  if (typeof sequences !== 'object' || sequences === null) return null;
  for (const version of Object.values(sequences)) {
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return null;
  }
  return { schemaVersion: 2, sequences: sequences as Record<string, number> };
}
