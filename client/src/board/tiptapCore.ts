// @tiptap/core with a `generateHTML` that builds the schema of an extension list once. tldraw
// renders every note's, text's and label's rich text to HTML with `generateHTML(doc, extensions)`,
// always with the same extension list, and TipTap resolves the extensions and builds a new
// ProseMirror schema on each call: most of the time a board of a few thousand notes took to open.
// The build resolves `@tiptap/core` to this module for every importer but this one (vite.config.ts).
import { getHTMLFromFragment, getSchema, type Extensions, type JSONContent } from '@tiptap/core';

export * from '@tiptap/core';

const schemas = new WeakMap<Extensions, ReturnType<typeof getSchema>>();

export function generateHTML(doc: JSONContent, extensions: Extensions): string {
  let schema = schemas.get(extensions);
  if (!schema) {
    schema = getSchema(extensions);
    schemas.set(extensions, schema);
  }
  return getHTMLFromFragment(schema.nodeFromJSON(doc).content, schema);
}
