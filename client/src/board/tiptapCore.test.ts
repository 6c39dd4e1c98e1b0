import { generateHTML as tiptapGenerateHTML, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { tipTapDefaultExtensions, toRichText } from 'tldraw';
import { generateHTML } from './tiptapCore.js';

const styled: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Plain, ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one <two>' }] }] }],
    },
  ],
};

describe('generateHTML with the schema built once', () => {
  it('renders what TipTap renders, call after call with the same extensions', () => {
    for (const doc of [styled, toRichText('A note\non two lines'), toRichText('')] as JSONContent[]) {
      const expected = tiptapGenerateHTML(doc, tipTapDefaultExtensions);
      expect(generateHTML(doc, tipTapDefaultExtensions)).toBe(expected);
      expect(generateHTML(doc, tipTapDefaultExtensions)).toBe(expected);
    }
    expect(generateHTML(styled, tipTapDefaultExtensions)).toContain('<strong>bold</strong>');
  });

  it('keeps a schema per extension list', () => {
    expect(generateHTML(styled, tipTapDefaultExtensions)).toContain('<li dir="auto">');
    // Without the list extensions the list is not part of the schema, and TipTap refuses it.
    const withoutLists = tipTapDefaultExtensions.filter((e) => e.name !== 'starterKit');
    expect(() => generateHTML(styled, withoutLists)).toThrow();
    expect(() => tiptapGenerateHTML(styled, withoutLists)).toThrow();
  });
});
