import { describe, expect, it } from 'vitest';
import { richTextToPlain } from './richText.js';

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string) => ({ type: 'text', text: t });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('richTextToPlain', () => {
  it('reads what tldraw writes for a one-line note', () => {
    expect(richTextToPlain(doc(paragraph(text('Call the funder'))))).toBe('Call the funder');
  });

  it('joins marked runs, keeps paragraphs, list items and hard breaks as lines, and drops blank lines', () => {
    const rich = doc(
      paragraph(text('Ask '), { type: 'text', text: 'Liisa', marks: [{ type: 'bold' }] }, text(' first')),
      paragraph(),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one'))] }] },
      paragraph(text('a'), { type: 'hardBreak' }, text('  b  ')),
    );
    expect(richTextToPlain(rich)).toBe('Ask Liisa first\none\na\nb');
  });

  it('gives empty text for anything that is not rich text', () => {
    for (const bad of [
      undefined,
      null,
      'text',
      42,
      [],
      { type: 'doc', content: 'x' },
      doc({ type: 'text', text: 3 }),
    ]) {
      expect(richTextToPlain(bad)).toBe('');
    }
  });

  it('bounds the length and the depth', () => {
    expect(richTextToPlain(doc(paragraph(text('x'.repeat(5000)))), 100)).toHaveLength(100);
    let deep: unknown = text('deep');
    for (let i = 0; i < 100; i++) deep = { type: 'blockquote', content: [deep] };
    expect(richTextToPlain(doc(deep))).toBe('');
  });
});
